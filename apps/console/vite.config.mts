import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the API under /app/ (apps/api/src/console); `npm run dev:console`
// proxies the API paths to a server on :3000.
export default defineConfig({
  root,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a browser bundle has none.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      [
        '/auth',
        '/admin',
        '/disputes',
        '/me',
        '/stats',
        '/agenda',
        '/workflow',
        '/health',
        '/triage',
        '/reports',
        '/supervision',
        '/casefile',
        '/community',
        '/communities',
        '/map',
      ].map((p) => [p, 'http://localhost:3000']),
    ),
  },
});
