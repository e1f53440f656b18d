// The prefault worker (src/threads/prefault.ts): with threads on, the pages above the heap's top
// are mapped by a worker before the allocator hands them out, without changing a byte of any
// array, and with one thread no worker touches anything.
import { describe, expect, test, vi } from 'vitest';
import np, { type NDArray } from '../src/index.js';
import { PREFAULT_AHEAD, prefaultedTo } from '../src/threads/prefault.js';

/** Where an array's data ends in the memory. */
const endOf = (x: NDArray) => x.data.byteOffset + x.data.byteLength;

/** Whether the bytes of the memory (which `x` lies in) from `start` to `end` are all zero. */
function zeros(x: NDArray, start: number, end: number): boolean {
  return new Uint8Array(x.data.buffer, start, end - start).every((b) => b === 0);
}

describe('the prefault worker', () => {
  test("maps the pages ahead of the heap's top with threads on, and changes no byte", async () => {
    np.setThreads(2);
    const before = np.memory().arrays;
    // 2,000 arrays of one page each (16 MiB, past the memory's end at load): the worker starts
    // at the first and then touches pages while the main thread is filling its arrays.
    const arrays = Array.from({ length: 2000 }, (_, i) => np.full([512], i + 1));
    const last = endOf(arrays.at(-1)!);
    const wanted = Math.min(last + PREFAULT_AHEAD / 2, np.memory().heapBytes);
    await vi.waitFor(() => expect(prefaultedTo()).toBeGreaterThanOrEqual(wanted), {
      timeout: 10_000,
    });
    // Before anything else is allocated above the top.
    const above = zeros(arrays[0], last, Math.min(prefaultedTo(), np.memory().heapBytes));
    expect(above, 'the memory above the top is still zero').toBe(true);
    expect(np.tidy(() => arrays.every((a, i) => np.all(np.equal(a, i + 1))))).toBe(true);
    arrays.forEach((a) => a.dispose());
    expect(np.memory().arrays).toBe(before);
  });

  test('touches nothing with one thread', async () => {
    np.setThreads(1);
    const mapped = prefaultedTo();
    const arrays = Array.from({ length: 2000 }, () => np.ones([512]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(prefaultedTo()).toBe(mapped);
    arrays.forEach((a) => a.dispose());
    np.setThreads(2);
  });
});
