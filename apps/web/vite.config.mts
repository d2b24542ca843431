import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, `file://${workspaceRoot}`));

/**
 * nhsuk-frontend's compiled CSS loads the Frutiger web font from assets.nhs.uk, which the Content-Security-Policy
 * (font-src 'self') refuses and which NHS networks may not reach: its @font-face rules are dropped, so the NHS font
 * stack falls back to Arial, as NHS services do without the licensed font. Its icons are written as
 * "/assets/images/…" (the path of the NHS.UK site); they are pointed at the package's own copies, so Vite bundles them
 * and they are served from 'self'.
 */
function nhsukFrontendCss(): Plugin {
  return {
    name: 'ccc:nhsuk-frontend-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]nhsuk-frontend[\\/]dist[\\/]nhsuk[\\/]nhsuk-frontend(\.min)?\.css(\?|$)/.test(id)) return null;
      const withoutFonts = withoutIeOnlyRules(code.replace(/@font-face\s*\{[^}]*\}/g, ''));
      return { code: withoutFonts.replace(/url\((["']?)\/assets\//g, 'url($1./assets/'), map: null };
    },
  };
}

/**
 * Drops the `@media screen\0 { … }` blocks: a hack that only Internet Explorer reads, which the CSS minifier
 * (lightningcss) cannot parse.
 */
function withoutIeOnlyRules(css: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = css.indexOf('@media screen\\0', from);
    if (start === -1) return out + css.slice(from);
    out += css.slice(from, start);
    let depth = 0;
    let end = css.indexOf('{', start);
    for (; end < css.length; end += 1) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}' && --depth === 0) break;
    }
    from = end + 1;
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fromRoot('node_modules/.vite/apps/web'),
  plugins: [nhsukFrontendCss(), react()],
  resolve: {
    alias: {
      '@ccc/contracts': fromRoot('libs/contracts/src/index.ts'),
      '@ccc/programme': fromRoot('libs/programme/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  preview: { port: 4300 },
  build: {
    outDir: fromRoot('dist/apps/web'),
    emptyOutDir: true,
    // No source maps in what is served: the code's comments and structure are not published.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The libraries change less often than the app: a chunk of their own stays cached across releases.
        codeSplitting: {
          groups: [
            // React itself (with its JSX runtime) here too: a group takes in what its modules import, so React
            // otherwise landed in the query group, which the sign-in page opened first does not need.
            { name: 'v-react-dom', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'v-router', test: /node_modules[\\/]react-router/ },
            { name: 'v-query', test: /node_modules[\\/]@tanstack/ },
            { name: 'v-date', test: /node_modules[\\/](date-fns|@date-fns)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
