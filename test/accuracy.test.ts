// exp, log, tanh and the math family (sin ... exp2) against NumPy's own validation sets
// (test/oracles, from numpy/_core/tests/data) with NumPy's ULP tolerances, and against Math.exp
// / Math.log on a million random inputs, on every backend.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import np, { type Backend, type NDArray } from '../src/index.js';
import { ulpDistance } from './ulp.js';

// A copy of shared/oracles/numpy-validation (NumPy's own files; see test/oracles/SOURCE.txt).
const ORACLES = new URL('./oracles/', import.meta.url);

interface Row {
  dtype: 'float64' | 'float32';
  input: number;
  expected: number;
  tolerance: number;
}

function fromBits(hex: string, dtype: 'float64' | 'float32'): number {
  if (dtype === 'float64') return new Float64Array(new BigUint64Array([BigInt(hex)]).buffer)[0];
  return new Float32Array(new Uint32Array([Number(hex)]).buffer)[0];
}

function readSet(fn: string): Row[] {
  const text = readFileSync(new URL(`umath-validation-set-${fn}.csv`, ORACLES), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('np.float'))
    .map((line) => {
      const [type, input, output, tolerance] = line.split(',');
      const dtype = type === 'np.float64' ? 'float64' : 'float32';
      return {
        dtype,
        input: fromBits(input, dtype),
        expected: fromBits(output, dtype),
        tolerance: Number(tolerance),
      };
    });
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
afterAll(() => np.setBackend('wasm-simd'));

describe.each(backends)('NumPy validation sets on %s', (backend) => {
  test.each([
    'exp',
    'log',
    'tanh',
    'expm1',
    'sin',
    'cos',
    'tan',
    'arcsin',
    'arccos',
    'arctan',
    'sinh',
    'cosh',
    'log1p',
    'log2',
    'log10',
    'exp2',
  ] as const)('%s within NumPy tolerance', (fn) => {
    np.setBackend(backend);
    const rows = readSet(fn);
    for (const dtype of ['float64', 'float32'] as const) {
      const selected = rows.filter((r) => r.dtype === dtype);
      expect(selected.length).toBeGreaterThan(100);
      using x = np.array(
        selected.map((r) => r.input),
        { dtype },
      );
      using y = np[fn](x);
      const got = y.toArray() as number[];
      const tolerance = Math.max(...selected.map((r) => r.tolerance));
      let worst = 0;
      selected.forEach((r, i) => {
        worst = Math.max(worst, ulpDistance(got[i], r.expected, dtype));
      });
      expect(worst, `${fn} ${dtype}`).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe.each(['wasm-simd', 'wasm'] as const)('a million random inputs on %s', (backend) => {
  const n = 1_000_000;
  const rng = np.random.defaultRng(123);

  test('exp is within 1 ulp of Math.exp (itself within 1 ulp), over the whole range', () => {
    np.setBackend(backend);
    using u = rng.uniform(-745, 710, [n]);
    using y = np.exp(u);
    const xs = u.data as Float64Array;
    const ys = y.data as Float64Array;
    let worst = 0;
    for (let i = 0; i < n; i++)
      worst = Math.max(worst, ulpDistance(ys[i], Math.exp(xs[i]), 'float64'));
    expect(worst).toBeLessThanOrEqual(1);
  });

  test('log is within 1 ulp of Math.log, from subnormals to 1e300', () => {
    np.setBackend(backend);
    using e = rng.uniform(-320, 300, [n]);
    using u = np.power(10, e);
    using y = np.log(u);
    const xs = u.data as Float64Array;
    const ys = y.data as Float64Array;
    let worst = 0;
    for (let i = 0; i < n; i++)
      worst = Math.max(worst, ulpDistance(ys[i], Math.log(xs[i]), 'float64'));
    expect(worst).toBeLessThanOrEqual(1);
  });

  test('float32 exp is within 1 ulp of the correctly rounded result', () => {
    np.setBackend(backend);
    using u = rng.uniform(-104, 89, [n]);
    using f = u.astype('float32');
    using y = np.exp(f);
    const xs = f.data as Float32Array;
    const ys = y.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < n; i++)
      worst = Math.max(worst, ulpDistance(ys[i], Math.fround(Math.exp(xs[i])), 'float32'));
    expect(worst).toBeLessThanOrEqual(1);
  });

  test('edges: overflow, underflow, subnormal results, NaN, +-Inf, -0', () => {
    np.setBackend(backend);
    using x = np.array([
      709.782712893384,
      709.7827128933841,
      -745.1332191019411,
      -745.1332191019412,
      -708.5,
      -740,
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
    ]);
    using y = np.exp(x);
    const want = [
      1.7976931348622732e308,
      Infinity,
      5e-324,
      0,
      Math.exp(-708.5),
      Math.exp(-740),
      NaN,
      Infinity,
      0,
      1,
      1,
    ];
    (y.toArray() as number[]).forEach((v, i) =>
      expect(ulpDistance(v, want[i], 'float64'), `exp(${x.get(i)})`).toBeLessThanOrEqual(1),
    );
    using l = np.log([0, -0, -1, Infinity, NaN, 5e-324, 1]);
    expect(l.toArray()).toEqual([-Infinity, -Infinity, NaN, Infinity, NaN, Math.log(5e-324), 0]);
  });
});

describe('tanh, on the exp core', () => {
  afterAll(() => np.setBackend('wasm-simd'));
  const rng = np.random.defaultRng(7);

  test('within 2 ulp of Math.tanh (itself within 2 ulp) on both sides of the paths it joins', () => {
    for (const backend of ['wasm-simd', 'wasm'] as const) {
      np.setBackend(backend);
      // |x| < 0.625 takes the polynomial, beyond it 1 - 2/(e^2|x| + 1); past 20 it is +-1.
      using u = rng.uniform(-25, 25, [200_000]);
      using near = rng.uniform(0.6, 0.65, [50_000]);
      for (const x of [u, near]) {
        using y = np.tanh(x);
        const xs = x.data as Float64Array;
        const ys = y.data as Float64Array;
        let worst = 0;
        for (let i = 0; i < xs.length; i++)
          worst = Math.max(worst, ulpDistance(ys[i], Math.tanh(xs[i]), 'float64'));
        expect(worst, backend).toBeLessThanOrEqual(2);
      }
    }
  });

  // tanh keeps exp's multiply-adds unfused in the relaxed-SIMD build too (the relaxed project
  // runs this file on it): every build gives the same bits.
  test('the same bits wherever an element sits, and on the SIMD and no-SIMD builds', () => {
    using x = rng.uniform(-3, 3, [4, 1001]);
    using view = x.get(np.slice(null), np.slice(1, null, 3)) as NDArray; // strided: the scalar path
    np.setBackend('wasm-simd');
    using row = np.tanh(x);
    using strided = np.tanh(view);
    np.setBackend('wasm');
    using rowNoSimd = np.tanh(x);
    using stridedNoSimd = np.tanh(view);
    np.setBackend('wasm-simd');
    using fromRow = row.get(np.slice(null), np.slice(1, null, 3)) as NDArray;
    expect(strided.toArray()).toEqual(fromRow.toArray());
    expect(Array.from(row.data)).toEqual(Array.from(rowNoSimd.data));
    expect(strided.toArray()).toEqual(stridedNoSimd.toArray());
  });

  test('edges: +-0, +-Inf, NaN, subnormals, saturation', () => {
    for (const backend of ['wasm-simd', 'wasm'] as const) {
      np.setBackend(backend);
      using y = np.tanh([0, -0, Infinity, -Infinity, NaN, 5e-324, -1e-310, 19.1, -40, 1e308]);
      expect(y.toArray()).toEqual([0, -0, 1, -1, NaN, 5e-324, -1e-310, 1, -1, 1]);
    }
  });
});

// The dot of two vectors sums in its own order (dot and matmul are compared with NumPy as
// allclose, test/operations.test.ts), but a fixed one: beyond 4096 elements it is the sum of its
// halves' dots (the first n/2 rounded down to a multiple of 32, and the rest), so that threads
// can sum the halves apart and give the bits of one thread (test/threads.test.ts).
describe('the dot of two vectors', () => {
  afterAll(() => np.setBackend('wasm-simd'));
  const rng = np.random.defaultRng(5);

  test('beyond 4096 elements, the sum of its halves, on the SIMD and no-SIMD builds', () => {
    for (const backend of ['wasm-simd', 'wasm'] as const) {
      np.setBackend(backend);
      for (const dtype of ['float64', 'float32'] as const) {
        const add = (a: number, b: number) => (dtype === 'float64' ? a + b : Math.fround(a + b));
        for (const n of [4097, 10_001, 100_003]) {
          using x = rng.standardNormal([n]).astype(dtype);
          using y = rng.standardNormal([n]).astype(dtype);
          using reversed = y.get('::-1') as NDArray;
          using everyOther = x.get(':-1:2') as NDArray; // n is odd: as long as the next
          using everyOtherY = y.get('1::2') as NDArray;
          const pairs: [NDArray, NDArray][] = [
            [x, y],
            [x, reversed],
            [everyOther, everyOtherY],
          ];
          for (const [a, b] of pairs) {
            if (a.size <= 4096) continue;
            const h = Math.floor(a.size / 2) & ~31;
            const low = np.dot(a.get(`:${h}`) as NDArray, b.get(`:${h}`) as NDArray) as number;
            const high = np.dot(a.get(`${h}:`) as NDArray, b.get(`${h}:`) as NDArray) as number;
            expect(np.dot(a, b), `${backend} ${dtype} ${a.size}`).toBe(add(low, high));
          }
        }
      }
    }
  });
});
