import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["src/store/test-support/global-setup.ts", "src/web/e2e/build-web.ts"],
    // Generous: the machine is shared, and pose estimation and servers slow down under load.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
