// Plain JavaScript on purpose: Vite loads each app's vite.config.ts with Node, which imports a linked
// package's file as it is (TypeScript here would fail with ERR_UNKNOWN_FILE_EXTENSION).
import react from '@vitejs/plugin-react';

/** The hub `vite dev` talks to (npm start serves the built apps from the hub itself). */
const HUB_URL = 'http://localhost:8080';

/** In `vite dev`, the hub's socket, API and voice clips, as the page reaches them when the hub serves it. */
export const hubDevProxy = {
  '/socket.io': { target: HUB_URL, ws: true },
  '/api': HUB_URL,
  '/voice': HUB_URL,
};

/**
 * The one Vite config of every app: React, a clean build, and the dev proxy. `base` is where the app is served
 * (`/admin/` …, or `./` for a build the hub and an Electron shell both serve).
 * @param {{ base: string; outDir?: string; proxy?: Record<string, string | { target: string; ws?: boolean }> }} options
 * @returns {import('vite').UserConfig}
 */
export function appViteConfig(options) {
  return {
    base: options.base,
    plugins: [react()],
    build: { outDir: options.outDir ?? 'dist', emptyOutDir: true },
    server: { proxy: options.proxy ?? hubDevProxy },
  };
}
