import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): kills, full disks, locks, corruption and fuzzing against
 * real catalogs. FAULTS_QUICK=1 runs fewer rounds (CI); the full run is for release checks.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/faults/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One file at a time: the kill tests time their SIGKILLs against the child's progress, and
    // competing for two cores would only blur where the kills land.
    fileParallelism: false,
  },
});
