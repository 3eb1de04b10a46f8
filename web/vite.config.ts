import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The API runs on the same origin in production (one binary); in development
// `EMENDA_API` points the dev server's proxy at a running `emenda serve`.
const api = process.env.EMENDA_API ?? 'http://127.0.0.1:8080';

/** The chunk of a part of the catalogue: i18n-it, i18n-en-staff… */
function messagesChunk(id: string): string | null {
  const m = /[\\/]i18n[\\/](it|en)[\\/](\w+)\./.exec(id);
  if (!m) return null;
  return m[2] === 'staff' ? `i18n-${m[1]}-staff` : `i18n-${m[1]}`;
}

export default defineConfig({
  // The app's page lives in src/ so that web/index.html stays the placeholder
  // the server shows when the app has not been built.
  root: 'src',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    cssCodeSplit: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The screens of the route table (src/routes.tsx) are loaded on
        // demand, in two groups: the citizen screens with their components,
        // and the staff console, which citizens never download (a chunk per
        // screen gzipped 7 KB worse in all). What the groups share with the
        // main chunk stays there; Markdown (marked) is a chunk of its own.
        codeSplitting: {
          groups: [
            { name: 'staff', test: /[\\/]src[\\/]staff[\\/]/, includeDependenciesRecursively: false },
            // The log's witness (api/witness.ts) is the proposal page's alone: with the screens, not a chunk of its own.
            { name: 'screens', test: /[\\/]src[\\/](screens[\\/]|components[\\/](?!ui\.|Lazy\.)|api[\\/]witness\.)/, includeDependenciesRecursively: false },
            // Each part of the catalogue in each language (src/i18n/index.ts) is a chunk named for it.
            { name: messagesChunk, debugName: 'i18n', test: /[\\/]i18n[\\/](it|en)[\\/]/ },
          ],
        },
      },
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'legacy-js-api', 'slash-div', 'abs-percent', 'function-units', 'if-function'],
      },
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
