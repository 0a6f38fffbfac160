import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// the browser apps live under apps/; each page keeps its URL (/kiosk/, /console/, …) because the
// build root is apps/ and the output goes to dist/<app>/. An app folder not written yet is left out.
const root = here + 'apps/';
const pages = ['kiosk/index.html', 'kiosk/status.html', 'window-display/index.html', 'console/index.html', 'admin/index.html',
  'pad/index.html', 'reports/index.html',
  'forms/index.html']
  .filter((p) => existsSync(root + p));

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: here + 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p.replace(/\.html$/, ''), root + p])) },
  },
  server: {
    // the apps import protocol/ from outside the build root
    fs: { allow: [here] },
    proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } },
  },
});
