/**
 * The web app (src/web) is built into dist/ at the repository root; the server serves dist/ with an SPA fallback.
 * `npx vite` runs a dev server on :5173 that proxies /api to the app on :3000 (`npm run dev` or `khcn serve`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    // Libraries change less often than our pages: separate chunks stay cached across releases.
    // Ant Design alone is ~1.25 MB minified (395 kB gzip), hence the raised warning limit.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            // Charts are needed by the stage-timing page only, which is loaded lazily: keep them out of the shared chunk.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '^/api/': { target: process.env.KHCN_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
