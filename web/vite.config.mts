import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The fleet page: built into dist/web, which the API serves at / (src/http/fleet-page.ts). Only our own files: no
// CDN, no inline script or style (the page runs under a CSP of 'self'), no source maps shipped.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
