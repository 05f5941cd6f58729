/**
 * Builds the app once and serves it with `vite preview` on a free loopback port for the
 * browser tests; the URL reaches tests through `inject("baseUrl")`.
 */
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ logLevel: "warn" });
  server = await preview({ preview: { host: "127.0.0.1", port: 0, strictPort: false }, logLevel: "warn" });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report its address");
  project.provide("baseUrl", url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
