import { appViteConfig } from '@motcua/ui/vite';
import { defineConfig } from 'vite';

// The dashboard, served by central at /; the server bundle goes to dist/main.js beside it.
export default defineConfig(
  appViteConfig({ base: '/', outDir: 'dist/web', proxy: { '/api': 'http://localhost:8090' } }),
);
