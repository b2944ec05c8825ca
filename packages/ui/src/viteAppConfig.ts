/** Shared Vite settings: each app is served by the hub under /<name>/ and works under its CSP. */
export function viteAppBase(name: string): { base: string; outDir: string } {
  return { base: `/${name}/`, outDir: 'dist' };
}
