import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The GraphQL explorer (GraphiQL): built into dist/explorer, which the API serves at GET /graphql for browsers
// (src/http/explorer.ts), its assets under /graphql/assets. Only our own files; no source maps shipped.
export default defineConfig({
  root: fileURLToPath(new URL('./explorer', import.meta.url)),
  base: '/graphql/',
  publicDir: false,
  // A placeholder the server replaces per request (src/http/explorer.ts): the nonce its CSP allows for the styles
  // GraphiQL's dialogs insert at run time.
  html: { cspNonce: 'CSP_NONCE_PLACEHOLDER' },
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // React libraries' "use client" directives mean nothing outside a server-components bundler.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
