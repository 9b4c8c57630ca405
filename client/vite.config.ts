import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The shared package is used from its TypeScript source, so the board runs the very same machine as the server.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@workplan/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    // `npm run dev -w client` next to `npm start`: the API stays on :3000.
    proxy: { '/graphql': { target: 'http://127.0.0.1:3000', ws: true }, '/files': 'http://127.0.0.1:3000', '/export': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
  },
});
