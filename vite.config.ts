import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app is served by the Lotse server from dist/client under a CSP of `script-src 'self'`:
// everything it needs is bundled, nothing is fetched from elsewhere and no script is inlined.
export default defineConfig({
  root: "src/client",
  publicDir: "public",
  plugins: [react()],
  build: {
    outDir: "../../dist/client",
    emptyOutDir: true,
    // Inlined assets would become data: URLs for scripts or fonts, which the CSP forbids.
    assetsInlineLimit: 0,
    sourcemap: false,
    // The largest chunk is ECharts with zrender (about 660 kB, 223 kB gzipped, with only the charts
    // Lotse uses registered), which only the lazily loaded analytics page fetches.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Two apps: the staff app and the public offer finder, which must stay small on a phone.
      input: {
        main: fileURLToPath(new URL("./src/client/index.html", import.meta.url)),
        finder: fileURLToPath(new URL("./src/client/finder.html", import.meta.url)),
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Apart from React, so that the finder (which has no router) does not load it.
            { name: "router", test: /node_modules[\\/]react-router[\\/]/ },
            {
              name: "mantine",
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|clsx)/,
            },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
