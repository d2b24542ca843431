import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, `file://${workspaceRoot}`));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fromRoot('node_modules/.vite/apps/web'),
  plugins: [react()],
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
    sourcemap: true,
  },
});
