import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);
const OUT = "dist/web";

/**
 * The pose model and TensorFlow.js's WebAssembly go into the build as plain files under
 * /vision/: the browser fetches them from this server, and only when a video is analysed.
 */
function visionFiles(): Plugin {
  const human = join(dirname(require.resolve("@vladmandic/human")), "..");
  const wasm = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), "..", "dist");
  const files = [
    join(human, "models", "movenet-lightning.json"),
    join(human, "models", "movenet-lightning.bin"),
    join(wasm, "tfjs-backend-wasm.wasm"),
    join(wasm, "tfjs-backend-wasm-simd.wasm"),
    join(wasm, "tfjs-backend-wasm-threaded-simd.wasm"),
    "src/vision/models/NOTICE.md",
    "src/vision/models/LICENSE-APACHE-2.0",
  ];
  return {
    name: "hipcheck-vision-files",
    apply: "build",
    closeBundle() {
      mkdirSync(join(OUT, "vision"), { recursive: true });
      for (const file of files) copyFileSync(file, join(OUT, "vision", file.split("/").at(-1)!));
    },
  };
}

// The web app: built into dist/web and served by the hipcheck server from `/`.
export default defineConfig({
  root: "src/web",
  base: "/",
  plugins: [react(), visionFiles()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
