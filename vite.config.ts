import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The built app refuses inline and foreign scripts. Only the build gets the policy: the dev
 * server injects an inline script for React refresh.
 */
function contentSecurityPolicy(): Plugin {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: policy }, injectTo: "head-prepend" }],
  };
}

const serverAddress = process.env.ORDINANCE_REDLINE_SERVER ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // `npm run dev`: Vite's dev server, with the API and the collaboration socket of a server
  // started beside it (`npm run serve`, port 8787; ORDINANCE_REDLINE_SERVER names another).
  server: {
    host: "127.0.0.1", port: 5173,
    proxy: { "/api": serverAddress, "/collab": { target: serverAddress.replace(/^http/, "ws"), ws: true } },
  },
  preview: { host: "127.0.0.1" },
  build: { target: "es2022", sourcemap: true },
});
