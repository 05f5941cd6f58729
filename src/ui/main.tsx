import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { sharedDraftIdFromUrl } from "./shared/sharedAddress";
import "./styles.css";

/** A shared draft loads the server client and Yjs; a draft kept in this browser does not. */
const SharedEntry = lazy(() => import("./shared/SharedEntry").then((module) => ({ default: module.SharedEntry })));

const sharedId = sharedDraftIdFromUrl(window.location.search);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {sharedId ? <Suspense fallback={<p className="loading-note">Opening the shared draft…</p>}><SharedEntry id={sharedId} /></Suspense> : <App />}
  </StrictMode>,
);
