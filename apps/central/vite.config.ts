import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard, served by central at /; the server bundle goes to dist/main.js beside it.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8090' } },
});
