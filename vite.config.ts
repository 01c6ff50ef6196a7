import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app: built into dist/web and served by the hipcheck server from `/`.
export default defineConfig({
  root: "src/web",
  base: "/",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
