import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server needs what the production policy forbids (React Refresh's inline preamble, HMR's
 * WebSocket, injected <style> tags), so it serves the page without the CSP meta tag. Builds keep it.
 */
const stripCspInDev = (): Plugin => ({
  name: 'strip-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  },
});

export default defineConfig({
  plugins: [react(), stripCspInDev()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
