// The planar loop written without np.tidy (test/without-tidy.mjs, in a process of its own): an
// array nobody disposes is freed only by a finalizer, which JavaScript never runs inside a
// synchronous loop, so every step's arrays stay. What it holds grows by the same bytes each step,
// and 10,000 steps (the lesson's training) fit in wasm32's 4 GiB: the bound the README states.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const script = fileURLToPath(new URL('./without-tidy.mjs', import.meta.url));

function run(iterations: number): {
  arrays: number;
  bytes: number;
  heapBytes: number;
  cost: number;
} {
  return JSON.parse(
    execFileSync(process.execPath, [script, String(iterations)], { encoding: 'utf8' }),
  );
}

test('10,000 planar steps without np.tidy hold 33 arrays and the same bytes per step, within wasm32', () => {
  const one = run(1);
  expect(one.arrays).toBe(33);
  const all = run(10_000);
  expect(all.arrays).toBe(10_000 * one.arrays);
  expect(all.bytes).toBe(10_000 * one.bytes);
  expect(all.heapBytes).toBeLessThan(2 ** 32);
  expect(Number.isFinite(all.cost)).toBe(true);
  console.log(
    `without np.tidy: ${one.bytes} bytes a step; 10,000 steps hold ${(all.bytes / 1e9).toFixed(2)} GB ` +
      `in a heap of ${(all.heapBytes / 1e9).toFixed(2)} GB`,
  );
}, 60_000);
