import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
// every page of the browser apps; an app folder not written yet is simply left out
const pages = ['kiosk/index.html', 'kiosk/status.html', 'window-display/index.html', 'console/index.html']
  .filter((p) => existsSync(root + p));

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p.replace(/\.html$/, ''), root + p])) },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } },
  },
});
