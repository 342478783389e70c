// Builds the desktop shell (main, preload) and the renderer into out/; the renderer alone also serves the browser shell.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: path.join(root, 'electron/main.ts'), formats: ['es'] },
      // DuckDB loads its .node binding at run time: bundling it would lose the native file.
      externalizeDeps: { include: ['@duckdb/node-api', '@duckdb/node-bindings'] },
      rolldownOptions: { external: [/^@duckdb\//], output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module: Electron runs it as a CommonJS script.
      lib: { entry: path.join(root, 'electron/preload.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: path.join(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: path.join(root, 'renderer/index.html') },
    },
  },
});
