import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `pnpm dev`: Vite on :5173, the API (`pnpm start` or the server's `pnpm dev`) behind its proxy. */
const api = process.env.MINITER_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(['/trpc', '/media', '/api', '/healthz'].map((path) => [path, api])),
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
