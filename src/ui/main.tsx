import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { SharedEntry, sharedDraftIdFromUrl } from "./shared/SharedEntry";
import "./styles.css";

const sharedId = sharedDraftIdFromUrl(window.location.search);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {sharedId ? <SharedEntry id={sharedId} /> : <App />}
  </StrictMode>,
);
