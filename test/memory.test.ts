import { describe, expect, test } from 'vitest';
import np, { NDArray } from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;

describe('dispose', () => {
  test('frees at once; twice is a no-op; use after dispose throws', () => {
    const before = np.memory();
    const x = np.zeros([100]);
    expect(np.memory().arrays).toBe(before.arrays + 1);
    expect(np.memory().bytes).toBe(before.bytes + 800);
    x.dispose();
    x.dispose();
    expect(np.memory()).toMatchObject({ arrays: before.arrays, bytes: before.bytes });
    expect(x.isDisposed).toBe(true);
    expect(() => x.toArray()).toThrow('toArray: this array was disposed');
    expect(() => x.reshape(10, 10)).toThrow('reshape: this array was disposed');
    expect(() => String(x)).toThrow(/disposed/);
  });

  test('using frees at the end of the block', () => {
    const before = np.memory().arrays;
    {
      using x = np.ones([3]);
      expect(np.memory().arrays).toBe(before + 1);
      expect(x.size).toBe(3);
    }
    expect(np.memory().arrays).toBe(before);
  });

  test('a view keeps its base alive; the block is freed when the last user goes', () => {
    const before = np.memory();
    const base = np.arange(12);
    const view = base.reshape(3, 4);
    base.dispose();
    expect(view.toArray()).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    expect(np.memory().bytes).toBe(before.bytes + 48);
    // A new allocation must not reuse the block under the view.
    using other = np.full([12], 99);
    expect(view.get(2, 3)).toBe(11);
    expect(other.get(0)).toBe(99);
    view.dispose();
    expect(np.memory()).toMatchObject({ arrays: before.arrays + 1, bytes: before.bytes + 48 });
  });

  test('memory returns to its baseline after 100,000 create/dispose cycles', () => {
    const before = np.memory();
    for (let i = 0; i < 100_000; i++) {
      const x = np.zeros([1 + (i % 50)], { dtype: i % 2 ? 'float32' : 'float64' });
      const y = x.reshape(-1);
      x.dispose();
      y.dispose();
    }
    expect(np.memory()).toEqual(before);
  });
});

describe('np.tidy', () => {
  test('frees what fn made except what it returns, also inside arrays and objects', () => {
    const before = np.memory().arrays;
    const result = np.tidy(() => {
      const a = np.ones([2]);
      const b = np.zeros([2]);
      np.ones([5]);
      return { a, nested: [b, 3] };
    });
    expect(np.memory().arrays).toBe(before + 2);
    expect(result.a.toArray()).toEqual([1, 1]);
    expect((result.nested[0] as NDArray).toArray()).toEqual([0, 0]);
    result.a.dispose();
    (result.nested[0] as NDArray).dispose();
    expect(np.memory().arrays).toBe(before);
  });

  test('tidy inside tidy: what the inner one returns belongs to the outer one', () => {
    const before = np.memory().arrays;
    const kept = np.tidy(() => {
      const inner = np.tidy(() => {
        np.zeros([1]);
        return np.ones([1]);
      });
      expect(np.memory().arrays).toBe(before + 1);
      np.zeros([3]);
      return inner.reshape(1, 1);
    });
    expect(np.memory().arrays).toBe(before + 1);
    expect(kept.toArray()).toEqual([[1]]);
    kept.dispose();
    expect(np.memory().arrays).toBe(before);
  });

  test('frees everything when fn throws, and rejects async functions', () => {
    const before = np.memory().arrays;
    expect(() =>
      np.tidy(() => {
        np.zeros([4]);
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(np.memory().arrays).toBe(before);
    expect(() => np.tidy((async () => np.zeros([1])) as never)).toThrow(/synchronous/);
    expect(np.memory().arrays).toBe(before);
  });
});

describe('FinalizationRegistry', () => {
  test.runIf(gc)('frees arrays that nothing references any more', async () => {
    const before = np.memory().arrays;
    (() => {
      for (let i = 0; i < 50; i++) np.zeros([1000]);
    })();
    expect(np.memory().arrays).toBe(before + 50);
    for (let round = 0; round < 20 && np.memory().arrays > before; round++) {
      gc!();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(np.memory().arrays).toBe(before);
  });

  test.runIf(gc)(
    'also frees forgotten arrays made in one synchronous burst (registered in batches)',
    async () => {
      const before = np.memory().arrays;
      const bytesBefore = np.memory().bytes;
      (() => {
        for (let i = 0; i < 1000; i++) np.exp(np.zeros([100]));
      })();
      expect(np.memory().arrays).toBe(before + 2000);
      for (let round = 0; round < 20 && np.memory().arrays > before; round++) {
        gc!();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(np.memory()).toMatchObject({ arrays: before, bytes: bytesBefore });
    },
  );

  test.runIf(gc)(
    'frees forgotten arrays that np.tidy returned (registered when the outermost tidy ends)',
    async () => {
      const before = np.memory();
      (() => {
        for (let i = 0; i < 300; i++) np.tidy(() => np.tidy(() => np.exp(np.zeros([100]))));
      })();
      // The temporaries went with their tidy; the 300 results are left to the registry.
      expect(np.memory().arrays).toBe(before.arrays + 300);
      for (let round = 0; round < 20 && np.memory().arrays > before.arrays; round++) {
        gc!();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(np.memory()).toMatchObject({ arrays: before.arrays, bytes: before.bytes });
    },
  );

  test.runIf(gc)('an array disposed before it was registered is freed once', async () => {
    const before = np.memory();
    const x = np.ones([10]);
    x.dispose(); // before the microtask that registers new arrays
    await Promise.resolve();
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(np.memory()).toMatchObject({ arrays: before.arrays, bytes: before.bytes });
  });
});

describe('growth and limits', () => {
  test('small arrays keep their values while the heap grows past 512 MiB', () => {
    const small = Array.from({ length: 100 }, (_, i) => np.full([7], i + 0.5));
    const viewsBefore = small.map((x) => x.data);
    const big = np.zeros([64 * 1024 * 1024]); // 512 MiB of float64
    expect(np.memory().heapBytes).toBeGreaterThanOrEqual(512 * 1024 * 1024);
    // Old typed-array views are detached by growth (or, over the shared memory of kernel
    // threads, keep their old length); the arrays themselves read fresh ones.
    const shared = big.data.buffer instanceof SharedArrayBuffer;
    expect(viewsBefore[0].length).toBe(shared ? 7 : 0);
    expect(viewsBefore[0].buffer).not.toBe(big.data.buffer);
    small.forEach((x, i) => expect(x.toArray()).toEqual(new Array(7).fill(i + 0.5)));
    expect(big.get(64 * 1024 * 1024 - 1)).toBe(0);
    big.dispose();
    small.forEach((x) => x.dispose());
  });

  test('more than wasm32 memory can hold is a RangeError naming shape and bytes; the heap stays usable', () => {
    const before = np.memory();
    expect(() => np.zeros([100000, 100000])).toThrow(RangeError);
    expect(() => np.zeros([100000, 100000])).toThrow(
      /^zeros: cannot allocate array of shape \(100000,100000\) and dtype float64: 80000000000 bytes/,
    );
    expect(np.memory()).toEqual(before);
    using x = np.arange(5);
    expect(x.toArray()).toEqual([0, 1, 2, 3, 4]);
  });
});
