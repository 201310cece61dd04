import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the FerretDB launcher on first use (minutes on a cold Go cache) and starts it once per run.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { TZ: 'UTC' },
    // Files and the tests in each file run in a random order: no test may lean on another's leftovers.
    // vitest prints the seed ('Running tests with seed "…"'); `--sequence.seed=<it>` replays that order.
    sequence: { shuffle: true },
  },
});
