import { defineConfig } from 'vitest/config';

/**
 * Node 20 validates the relaxed-SIMD build only with this V8 flag; Node 22 and later validate it
 * by default, and Node 24 refuses the flag (.ci/run runs the suite on Node 24 too).
 */
const RELAXED_SIMD_FLAGS =
  Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [];

export default defineConfig({
  test: {
    pool: 'forks',
    // The finalizer tests call global.gc().
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/relaxed-simd.test.ts'],
        },
      },
      {
        // The numerical suites again, on the relaxed-SIMD build (fused multiply-adds).
        extends: true,
        test: {
          name: 'relaxed-simd',
          include: [
            'test/relaxed-simd.test.ts',
            'test/accuracy.test.ts',
            'test/operations.test.ts',
            'test/properties.test.ts',
            'test/nn.test.ts',
            'test/breadth.test.ts',
          ],
          execArgv: ['--expose-gc', ...RELAXED_SIMD_FLAGS],
        },
      },
      {
        // The fixture suites again with every op that can split over kernel threads split at
        // every size (test/threads.test.ts checks the bits against one thread).
        extends: true,
        test: {
          name: 'threads',
          include: [
            'test/operations.test.ts',
            'test/nn.test.ts',
            'test/accuracy.test.ts',
            'test/properties.test.ts',
          ],
          setupFiles: ['test/split-all.ts'],
        },
      },
    ],
  },
});
