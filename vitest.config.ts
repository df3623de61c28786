import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    env: { TZ: 'UTC', NO_COLOR: '1' },
    globalSetup: ['test/helpers/temp-root.ts'],
  },
});
