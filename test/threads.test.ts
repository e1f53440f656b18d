// Kernel threads (src/threads/): the same bits as one thread for every op that splits, at sizes
// where it splits (and, in the 'threads' vitest project, with every op split at every size: see
// test/split-all.ts), a memory grown while a worker holds it, np.setThreads' errors, and the
// fallback to one thread where the memory cannot be shared.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, test } from 'vitest';
import np, { type NDArray, nn } from '../src/index.js';
import * as pool from '../src/threads/pool.js';
import { withSharedMemoryImport } from '../src/threads/shared-import.js';
import { memory, simdBuild, threadsAddress } from '../src/wasm.js';

/** The bytes of an array's data, copied. */
const bytesOf = (x: NDArray) =>
  new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength).slice();

/** Resolves once a split call has run a part on a worker (a worker takes 35-55 ms to start). */
async function workerAwake(): Promise<void> {
  np.setThreads(2);
  const probe = np.zeros([200_000]);
  for (let tries = 0; tries < 200; tries++) {
    const before = pool.partsRunByWorkers;
    np.exp(probe).dispose();
    if (pool.partsRunByWorkers > before) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  probe.dispose();
  expect(pool.partsRunByWorkers).toBeGreaterThan(0);
}

/**
 * call's result, and whether a worker ran a part of it: the main thread waits for a worker to
 * run each part instead of taking back the parts not yet started, so that a busy machine
 * cannot leave a split untested.
 */
function withWorker<T>(call: () => T): { result: T; ranOnWorker: boolean } {
  const before = pool.partsRunByWorkers;
  pool.setMainTakesBack(false);
  try {
    const result = call();
    return { result, ranOnWorker: pool.partsRunByWorkers > before };
  } finally {
    pool.setMainTakesBack(true);
  }
}

/** op() with one thread and with two: the same bytes, and a worker ran a part of the latter. */
function expectSameBits(name: string, op: () => NDArray): void {
  np.setThreads(1);
  const one = op();
  np.setThreads(2);
  const { result: two, ranOnWorker } = withWorker(op);
  expect(ranOnWorker, `${name} ran a part on the worker`).toBe(true);
  expect(two.shape, name).toEqual(one.shape);
  expect(two.dtype, name).toBe(one.dtype);
  expect(Buffer.compare(bytesOf(one), bytesOf(two)), `${name}: the same bytes`).toBe(0);
  one.dispose();
  two.dispose();
}

/** Every op of `ops` gives the same bits on two threads as on one. */
function expectAllSameBits(ops: Record<string, () => NDArray>): void {
  for (const [name, op] of Object.entries(ops)) expectSameBits(name, op);
}

describe('kernel threads', () => {
  test('are on by default in Node: the cores, at most 4', () => {
    expect(np.getThreads()).toBe(Math.min(availableParallelism(), 4));
  });

  test('setThreads refuses what is not a whole number >= 1, and keeps the count', () => {
    const before = np.getThreads();
    for (const bad of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => np.setThreads(bad)).toThrow(RangeError);
    }
    expect(() => np.setThreads(0)).toThrow(
      'setThreads: expected a whole number of threads >= 1, got 0',
    );
    expect(() => np.setThreads('2' as unknown as number)).toThrow(
      new TypeError('setThreads: expected a number of threads, got "2"'),
    );
    expect(np.getThreads()).toBe(before);
    np.setThreads(1);
    expect(np.getThreads()).toBe(1);
    np.setThreads(64);
    expect(np.getThreads()).toBe(pool.MAX_THREADS);
    np.setThreads(before);
  });

  // Sizes past every threshold, with a tail that is not a multiple of any vector or part, and
  // special values where the kernels have their own paths.
  const N = 300_007;
  const specials = [0, -0, 1e-310, 709.78, -745.1, 800, -800, Infinity, -Infinity, NaN];
  function data(dtype: 'float64' | 'float32', scale = 4): NDArray {
    return np.tidy(() => {
      const normal = np.random.defaultRng(11).standardNormal([N - specials.length]);
      return np.concatenate([np.multiply(normal, scale), np.array(specials)]).astype(dtype);
    });
  }

  for (const dtype of ['float64', 'float32'] as const) {
    test(`maps give the same bits on two threads as on one (${dtype})`, async () => {
      await workerAwake();
      using x = data(dtype);
      using positive = np.abs(x);
      const maps: Record<string, () => NDArray> = {
        exp: () => np.exp(x),
        log: () => np.log(positive),
        tanh: () => np.tanh(x),
        sqrt: () => np.sqrt(positive),
        abs: () => np.abs(x),
        square: () => np.square(x),
        negative: () => np.negative(x),
        sigmoid: () => nn.sigmoid(x),
        sigmoidDerivative: () => nn.sigmoidDerivative(x),
        add: () => np.add(x, positive),
        'subtract(1, x)': () => np.subtract(1, x),
        'multiply(x, 0.5)': () => np.multiply(x, 0.5),
        divide: () => np.divide(positive, x),
        maximum: () => np.maximum(x, 0),
      };
      expectAllSameBits(maps);
    });

    test(`row kernels, broadcast matrices and products give the same bits on two threads (${dtype})`, async () => {
      await workerAwake();
      using x = data(dtype);
      using rows = (x.get(`:${300 * 1000}`) as NDArray).reshape(300, 1000);
      using bias = np.arange(300, { dtype }).reshape(300, 1);
      using row = np.linspace(-1, 1, 1000, { dtype }).reshape(1, 1000);
      using columns = (x.get(`-${1000 * 37}:`) as NDArray).reshape(1000, 37);
      const ops: Record<string, () => NDArray> = {
        softmax: () => nn.softmax(rows),
        logSoftmax: () => nn.logSoftmax(rows),
        normalizeRows: () => nn.normalizeRows(rows),
        'rows + (n, 1)': () => np.add(rows, bias),
        '(1, n) * rows': () => np.multiply(row, rows),
        '(n, 1) - (1, n)': () => np.subtract(bias, row),
        'matmul (300, 1000) @ (1000, 37)': () => np.matmul(rows, columns) as NDArray,
        'matmul by a transpose, (298, 1000) @ (1000, 300)': () =>
          np.matmul(rows.get('1:299') as NDArray, rows.T) as NDArray,
        'dot (37, 1000) @ (1000, 300), a transpose first': () =>
          np.dot(columns.T, rows.T) as NDArray,
      };
      expectAllSameBits(ops);
    });
  }

  for (const dtype of ['float64', 'float32'] as const) {
    test(`sums and row reductions give the same bits on two threads (${dtype})`, async () => {
      await workerAwake();
      using x = data(dtype, 1);
      using finite = np.tidy(() => np.where(np.isfinite(x), x, 0.5));
      using rows = (finite.get(`:${300 * 1000}`) as NDArray).reshape(300, 1000);
      using zeros = np.full([300_007], -0, { dtype }); // past the float32 sums' threshold too
      using half = np.multiply(finite, 0.5);
      using halfRows = np.multiply(rows, 0.5);
      // A full sum is a JS number: compared as the bytes of a one-element array.
      const asArray = (value: number) => np.array([value], { dtype: 'float64' });
      const ops: Record<string, () => NDArray> = {
        'sum (with NaN and Infinity)': () => asArray(np.sum(x) as number),
        sum: () => asArray(np.sum(finite) as number),
        'sum of -0': () => asArray(np.sum(zeros) as number),
        mean: () => asArray(np.mean(finite) as number),
        norm: () => asArray(np.linalg.norm(finite) as number),
        'norm, ord 1': () => asArray(np.linalg.norm(finite, { ord: 1 }) as number),
        'sum, axis 1': () => np.sum(rows, { axis: 1 }) as NDArray,
        'max, axis 1': () => np.max(rows, { axis: 1 }) as NDArray,
        'argmax, axis 1': () => np.argmax(rows, { axis: 1 }) as NDArray,
        'norm, axis 1': () => np.linalg.norm(rows, { axis: 1 }) as NDArray,
        'nn.l1 (with NaN and Infinity)': () => asArray(nn.l1(finite, x) as number),
        'nn.l2': () => asArray(nn.l2(finite, half) as number),
        'nn.l1 of rows': () => nn.l1(rows, halfRows) as NDArray,
        'nn.l2 of rows': () => nn.l2(rows, halfRows) as NDArray,
        'dot of two vectors': () => asArray(np.dot(finite, half) as number),
        'dot of a reversed view': () =>
          asArray(np.dot(finite, half.get('::-1') as NDArray) as number),
      };
      expectAllSameBits(ops);
    });
  }

  test('an array made after the memory grew is split correctly (or run by the main thread)', async () => {
    await workerAwake();
    const heapBefore = np.memory().heapBytes;
    using big = np.full([48 * 1024 * 1024], 1); // 384 MiB: the memory grows under the worker
    expect(np.memory().heapBytes).toBeGreaterThan(heapBefore);
    using e = np.exp(big);
    expect(e.get(0)).toBe(Math.exp(1));
    expect(e.get(48 * 1024 * 1024 - 1)).toBe(Math.exp(1));
    expect(np.all(np.equal(e, Math.exp(1)))).toBe(true);
  });

  // A worker instantiates the build over the memory the main thread is using: that must write
  // nothing but the constants already there. (A scratch block reserved with memory.data was a
  // zero-filled data segment, wiped by every worker's start: a product running meanwhile lost
  // its packed strip of B and went wrong in a block of rows and columns.)
  test("a worker's start changes no byte of the main thread's static memory or scratch", () => {
    const kernels = simdBuild!.kernels as unknown as Record<string, () => number>;
    const scratchEnd = kernels.heapBase();
    const scratchStart = scratchEnd - kernels.scratchBytes();
    const bytes = new Uint8Array(memory.buffer, 0, threadsAddress);
    for (let i = scratchStart; i < scratchEnd; i++) bytes[i] = (i * 37) & 0xff;
    const before = bytes.slice();
    const imports = { env: { memory, abort: () => {} } };
    new WebAssembly.Instance(simdBuild!.module, imports);
    const changed = bytes.findIndex((byte, i) => byte !== before[i]);
    expect(changed, 'the first byte changed').toBe(-1);
  });

  // A full reduction splits from 1 MiB read: a sum from 131,072 float64 elements, a dot of two
  // vectors, nn.l1 and nn.l2 from 65,536.
  test.each([
    ['a full sum', (x: NDArray) => np.sum(x) as number, 131_072],
    ['the dot of two vectors', (x: NDArray) => np.dot(x, x) as number, 65_536],
    ['nn.l1 of two vectors', (x: NDArray, zeros: NDArray) => nn.l1(x, zeros) as number, 65_536],
  ])('%s splits by the bytes it reads', async (_, op, from) => {
    await workerAwake();
    const split = (n: number, dtype: 'float64' | 'float32') => {
      using x = np.ones([n], { dtype });
      using zeros = np.zeros([n], { dtype });
      const { result, ranOnWorker } = withWorker(() => op(x, zeros));
      expect(result).toBe(n);
      return ranOnWorker;
    };
    expect([split(from - 1, 'float64'), split(from, 'float64')]).toEqual([false, true]);
    expect([split(2 * from - 1, 'float32'), split(2 * from, 'float32')]).toEqual([false, true]);
  });

  test('leave no arrays behind', async () => {
    await workerAwake();
    using x = np.ones([100_000]);
    const before = np.memory();
    np.tidy(() => {
      np.exp(x);
      nn.softmax(x.reshape(100, 1000));
      np.add(x, 1);
    });
    expect(np.memory()).toEqual(before);
  });
});

describe('the threaded build', () => {
  test("is a build's bytes with its memory import declared shared (a maximum of 4 GiB)", async () => {
    const plain = readFileSync(new URL('../build/nnbasics-simd.wasm', import.meta.url));
    const shared = withSharedMemoryImport(plain, 65536);
    expect(shared.length).toBe(plain.length + 3); // the flag, and a 3-byte maximum
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
    const imports = { env: { memory, abort: () => {} } };
    const { instance } = await WebAssembly.instantiate(shared, imports);
    expect(Object.keys(instance.exports)).toEqual(
      Object.keys(
        (
          await WebAssembly.instantiate(plain, {
            env: { memory: new WebAssembly.Memory({ initial: 16 }), abort: () => {} },
          })
        ).instance.exports,
      ),
    );
    await expect(WebAssembly.instantiate(plain, imports)).rejects.toThrow(/shared/);
  });

  test('where threads are disabled, the memory is plain and one thread does everything', () => {
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const said = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `globalThis.NNBASICS_DISABLE_THREADS = true;
         const { default: np } = await import('${dist}');
         np.setThreads(4);
         const x = np.linspace(0, 1, 200000);
         console.log(np.getThreads(), x.data.buffer.constructor.name, np.exp(x).get(199999) === Math.E);`,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    ).trim();
    expect(said).toBe('1 ArrayBuffer true');
  });
});
