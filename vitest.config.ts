import { defineConfig } from "vitest/config";

// Integration tests share one real Redis and one PostgreSQL, so files run one at a time
// (BullMQ's own suite does the same); each test still gets its own queue prefix.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
