import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

// Root is renderer/; output goes to dist/renderer. `base: './'` keeps every asset URL relative so
// the same build loads under Electron's app:// protocol and from the browser-mode HTTP host.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // ECharts and React are large; one warning threshold that fits them avoids noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite dev` proxies the API to a running `npm run dev:serve` host.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8765', ws: true },
    },
  },
});
