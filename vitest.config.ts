import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // A fixed machine time zone that is neither UTC nor a whole-hour offset: any code that leaks the
    // machine's zone into a figure shows up as a wrong date. Some tests spawn the CLI under other zones.
    env: { TZ: 'Pacific/Chatham', NO_COLOR: '1' },
    // The JSON report feeds .ci/run's closing line `tests: N passed, N failed`.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-results.json' }]],
  },
});
