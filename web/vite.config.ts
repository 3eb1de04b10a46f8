import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import type { AtRule, Declaration, Plugin as PostcssPlugin, Root, Rule } from 'postcss';

// The API runs on the same origin in production (one binary); in development
// `EMENDA_API` points the dev server's proxy at a running `emenda serve`.
const api = process.env.EMENDA_API ?? 'http://127.0.0.1:8080';

/** The chunk of a part of the catalogue: i18n-it, i18n-en-staff… */
function messagesChunk(id: string): string | null {
  const m = /[\\/]i18n[\\/](it|en)[\\/](\w+)\./.exec(id);
  if (!m) return null;
  return m[2] === 'staff' ? `i18n-${m[1]}-staff` : `i18n-${m[1]}`;
}

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Classes the screens build from parts (`btn-outline-${tone}` in
 * staff/Topics.tsx), which appear whole in no source. A class built that
 * way must be listed here, or the build leaves out its rules.
 */
const BUILT_CLASSES = ['btn-outline-primary', 'btn-outline-danger'];

/**
 * Classes the screens put only on elements with nothing but text inside:
 * the dark badge of hidden content (`badge bg-dark`). A selector for
 * something inside one (`.bg-dark .btn-primary`, Bootstrap Italia's
 * buttons on a dark band) can match nothing. A class listed here must stay
 * on such elements only.
 */
const LEAF_CLASSES = ['bg-dark'];

/**
 * The classes the app can use: every word (`[\w-]+`) of its code, where a
 * class a screen puts on an element is written, every class its own
 * stylesheets name outside comments, and BUILT_CLASSES. The generated API
 * types (src/api/schema.ts) are types only. The server draws its public
 * pages with this stylesheet too (crates/server/src/public_pages.rs).
 */
function usedClasses(): Set<string> {
  const web = fileURLToPath(new URL('.', import.meta.url));
  const src = filesUnder(join(web, 'src'));
  const code = [...src.filter((f) => /\.(tsx?|html)$/.test(f) && !f.endsWith(join('api', 'schema.ts'))), join(web, '../crates/server/src/public_pages.rs')];
  const used = new Set(BUILT_CLASSES);
  for (const file of code) for (const [word] of readFileSync(file, 'utf8').matchAll(/[\w-]+/g)) used.add(word);
  for (const file of src.filter((f) => f.endsWith('.scss'))) {
    const styles = readFileSync(file, 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '');
    for (const [, name] of styles.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) used.add(name);
  }
  return used;
}

/**
 * Whether a selector can match: every class it names outside parentheses
 * is one the app uses, and it looks for nothing inside an element of a
 * `leaves` class.
 */
export function canMatch(selector: string, used: Set<string>, leaves: string[] = LEAF_CLASSES): boolean {
  // In `:not(.a)` an unused class matches everything, and `:is()`, `:has()`
  // are not worth reading: what is inside parentheses is left alone, as
  // are attribute selectors ([class*=col-]).
  let outside = '';
  let depth = 0;
  for (const c of selector) {
    if (c === '(') depth++;
    if (depth === 0) outside += c;
    if (c === ')') depth--;
  }
  outside = outside.replace(/\[[^\]]*\]/g, '');
  for (const [, name] of outside.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) if (!used.has(name)) return false;
  // A leaf's class, the rest of its compound selector, then a descendant or child combinator.
  for (const leaf of leaves) if (new RegExp(`\\.${leaf}(?![\\w-])[^\\s>+~]*\\s*[\\s>]\\s*[^\\s+~]`).test(outside)) return false;
  return true;
}

/**
 * Drops every declaration a later one overrides: the same property for the
 * same selectors, under the same at-rules, in another rule, and not
 * outweighing it by `!important`. It can never apply (Bootstrap Italia
 * restyles many of Bootstrap's rules this way: headings' sizes, badges,
 * the invalid field's icon). A property declared twice in one rule stays:
 * there the first is a fallback for browsers that ignore the second.
 */
export function dropOverridden(root: Root) {
  const found: [string, Declaration][] = [];
  root.walkDecls((d) => {
    const rule = d.parent as Rule;
    if (rule.type !== 'rule') return;
    let key = `${rule.selectors.join(',')}{${d.prop}`;
    for (let at = rule.parent; at?.type === 'atrule'; at = at.parent) key = `@${(at as AtRule).name} ${(at as AtRule).params}{${key}`;
    found.push([key, d]);
  });
  const last = new Map(found);
  for (const [key, d] of found) {
    const later = last.get(key)!;
    if (later.parent !== d.parent && (later.important || !d.important)) d.remove();
  }
}

/**
 * Drops the selectors that name a class no source uses, then Bootstrap's
 * custom properties (`--bs-…`) nothing reads: the partials in main.scss
 * style every variant of their components (sticky and dark headers,
 * toggles, validation tooltips, cards the app does not use…), almost 7 KB
 * gzip of rules that can match nothing here; and the declarations later
 * ones override (`dropOverridden`). What is kept is unchanged, so every
 * screen looks the same.
 */
function unusedRules(): PostcssPlugin {
  const used = usedClasses();
  return {
    postcssPlugin: 'unused-rules',
    OnceExit(root) {
      root.walkRules((rule) => {
        if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as AtRule).name)) return;
        const kept = rule.selectors.filter((s) => canMatch(s, used));
        if (kept.length === 0) rule.remove();
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
      dropOverridden(root);
      // A custom property read by none goes, until none is left (one may
      // have been read only by another that went).
      for (let removed = true; removed; ) {
        removed = false;
        const read = new Set<string>();
        root.walkDecls((d) => {
          for (const [, name] of d.value.matchAll(/var\(\s*(--[\w-]+)/g)) read.add(name);
        });
        root.walkDecls(/^--bs-/, (d) => {
          if (!read.has(d.prop) && !used.has(d.prop)) {
            d.remove();
            removed = true;
          }
        });
      }
      // Rules and at-rules left empty, innermost first.
      const blocks: (Rule | AtRule)[] = [];
      root.walk((node) => {
        if (node.type === 'rule' || (node.type === 'atrule' && node.nodes)) blocks.push(node);
      });
      for (const block of blocks.reverse()) if (block.nodes?.length === 0) block.remove();
    },
  };
}

export default defineConfig(({ command }) => ({
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
      // Lowered for es2020, marked's class fields can be plain assignments
      // instead of defineProperty through helpers (0.3 KB gzip): it sets
      // them in its constructors, and none has the name of an accessor or
      // is on a subclass. The app's own classes compile the same either
      // way (TypeScript assigns fields below ES2022).
      transform: { assumptions: { setPublicClassFields: true } },
      output: {
        // The screens of the route table (src/routes.tsx) are loaded on
        // demand, in two groups: the citizen screens with their components,
        // and the staff console, which citizens never download (a chunk per
        // screen gzipped 7 KB worse in all). What the groups share with the
        // main chunk stays there; Markdown (marked) is a chunk of its own.
        codeSplitting: {
          groups: [
            { name: 'staff', test: /[\\/]src[\\/]staff[\\/]/, includeDependenciesRecursively: false },
            // The log's witness (api/witness.ts), the audit chain's check
            // (api/chain.ts) and the text diff (diff.ts) are used by the
            // screens alone, which always load them: with the screens, not
            // chunks of their own (0.4 KB gzip less).
            { name: 'screens', test: /[\\/]src[\\/](screens[\\/]|components[\\/](?!ui\.|Lazy\.)|api[\\/](witness|chain)\.|diff\.)/, includeDependenciesRecursively: false },
            // Each part of the catalogue in each language (src/i18n/index.ts) is a chunk named for it.
            { name: messagesChunk, debugName: 'i18n', test: /[\\/]i18n[\\/](it|en)[\\/]/ },
          ],
        },
      },
    },
  },
  css: {
    // At build only: the dev server would not see a class added to a screen
    // until restarted.
    postcss: { plugins: command === 'build' ? [unusedRules()] : [] },
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
}));
