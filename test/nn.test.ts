// nn against the lesson's NumPy formulas (test/fixtures/nn.json) on every backend, the lesson's
// printed values, and the derivatives against central finite differences.
import { afterAll, describe, expect, test } from 'vitest';
import np, { type Backend, NDArray, nn, ValueError } from '../src/index.js';
import {
  type FixtureArray,
  decodeValue,
  fixtureValues,
  flatValues,
  fromFixture,
  loadFixture,
} from './helpers.js';
import { ulpDistance } from './ulp.js';

interface NnCase {
  fn: keyof typeof nn;
  args: FixtureArray[];
  options: Record<string, unknown>;
  expected: { scalar: number | string } | FixtureArray;
}
const cases = loadFixture<NnCase[]>('nn');

/** Within 4 ulp, or within 4 ulp of 1 in absolute terms (values of order 1 that cancel). */
function close(got: number, want: number, dtype: 'float64' | 'float32'): boolean {
  if (ulpDistance(got, want, dtype) <= 4) return true;
  const eps = dtype === 'float64' ? 2 ** -52 : 2 ** -23;
  return Math.abs(got - want) <= 4 * eps * Math.max(1, Math.abs(want));
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
afterAll(() => np.setBackend('wasm-simd'));

describe.each(backends)('nn against NumPy on %s', (backend) => {
  test.each(
    cases.map((c, i) => ({
      ...c,
      name: `${i} ${c.fn}(${c.args.map((a) => `${a.dtype}(${a.shape})`).join(', ')}) ${JSON.stringify(c.options)}`,
    })),
  )('$name', (c) => {
    np.setBackend(backend);
    const before = np.memory().arrays;
    const args = c.args.map(fromFixture);
    const inputs = args.map(flatValues);
    const call = nn[c.fn] as (...a: unknown[]) => unknown;
    const result = Object.keys(c.options).length ? call(...args, c.options) : call(...args);
    try {
      // Inputs are never modified.
      args.forEach((a, i) => expect(flatValues(a)).toEqual(inputs[i]));
      if ('scalar' in c.expected) {
        expect(typeof result).toBe('number');
        const want = decodeValue(c.expected.scalar);
        const kind = c.args.some((a) => a.dtype === 'float32') ? 'float32' : 'float64';
        expect(close(result as number, want, kind), `${result} vs ${want}`).toBe(true);
        return;
      }
      expect(result).toBeInstanceOf(NDArray);
      const array = result as NDArray;
      expect(array.dtype).toBe(c.expected.dtype);
      expect([...array.shape]).toEqual(c.expected.shape);
      const got = flatValues(array);
      const want = fixtureValues(c.expected);
      const kind = array.dtype === 'float32' ? 'float32' : 'float64';
      want.forEach((w, i) => {
        if (!close(got[i], w, kind)) expect.fail(`element ${i}: got ${got[i]}, expected ${w}`);
      });
    } finally {
      if (result instanceof NDArray) result.dispose();
      args.forEach((a) => a.dispose());
      expect(np.memory().arrays).toBe(before);
    }
  });
});

describe('the lesson, as NumPy prints it', () => {
  test('basicSigmoid', () => {
    expect(nn.basicSigmoid(1)).toBe(0.7310585786300049);
    expect(() => nn.basicSigmoid([1, 2, 3] as never)).toThrow(TypeError);
    expect(() => nn.basicSigmoid('1' as never)).toThrow(TypeError);
  });

  test('sigmoid and its derivative', () => {
    using s = nn.sigmoid([1, 2, 3]);
    expect(String(s)).toBe('[0.73105858 0.88079708 0.95257413]');
    using d = nn.sigmoidDerivative([1, 2, 3]);
    expect(String(d)).toBe('[0.19661193 0.10499359 0.04517666]');
    expect(nn.sigmoid(0)).toBe(0.5);
    using extremes = nn.sigmoid([-1000, 1000, -800]);
    expect(extremes.toArray()).toEqual([0, 1, 0]);
  });

  test('np.exp([1, 2, 3])', () => {
    using e = np.exp([1, 2, 3]);
    expect(String(e)).toBe('[ 2.71828183  7.3890561  20.08553692]');
  });

  test('image2vector', () => {
    using image = np.random.defaultRng(1).random([3, 3, 2]);
    using v = nn.image2vector(image);
    expect(v.shape).toEqual([18, 1]);
    expect(flatValues(v)).toEqual(flatValues(image));
    expect(() => nn.image2vector([[1, 2]])).toThrow(ValueError);
    expect(() => nn.image2vector([[1, 2]])).toThrow(
      'image2vector: expected a 3-D array (height, width, channels), got shape (1,2)',
    );
  });

  test('normalizeRows', () => {
    using n = nn.normalizeRows([
      [0, 3, 4],
      [1, 6, 4],
    ]);
    expect(String(n)).toBe(
      '[[0.         0.6        0.8       ]\n [0.13736056 0.82416338 0.54944226]]',
    );
    using z = nn.normalizeRows([
      [0, 0],
      [3, 4],
    ]);
    expect(String(z)).toBe('[[nan nan]\n [0.6 0.8]]');
  });

  test('softmax', () => {
    using s = nn.softmax([
      [9, 2, 5, 0, 0],
      [7, 5, 0, 0, 0],
    ]);
    expect(String(s)).toBe(
      '[[9.80897665e-01 8.94462891e-04 1.79657674e-02 1.21052389e-04\n' +
        '  1.21052389e-04]\n' +
        ' [8.78679856e-01 1.18916387e-01 8.01252314e-04 8.01252314e-04\n' +
        '  8.01252314e-04]]',
    );
    using big = nn.softmax([1000, 1000]);
    expect(big.toArray()).toEqual([0.5, 0.5]);
  });

  test('L1 and L2 are plain numbers for vectors, one value per row for matrices', () => {
    const yhat = [0.9, 0.2, 0.1, 0.4, 0.9];
    const y = [1, 0, 0, 1, 1];
    expect(nn.l1(yhat, y)).toBe(1.1);
    expect(nn.l2(yhat, y)).toBe(0.43);
    expect(String(nn.l1(yhat, y))).toBe('1.1');
    using rows = nn.l2([yhat, yhat], [y, y]) as NDArray;
    expect(rows.shape).toEqual([2]);
    expect(rows.toArray()).toEqual([0.43, 0.43]);
  });
});

describe('derivatives against central finite differences', () => {
  const h = 1e-6;
  const xs = [-6, -2.5, -1, -0.3, 0.2, 0.7, 1.5, 3, 5.5];
  test.each([
    ['sigmoidDerivative', nn.sigmoid, nn.sigmoidDerivative],
    ['tanhDerivative', np.tanh, nn.tanhDerivative],
    ['reluDerivative', nn.relu, nn.reluDerivative],
  ] as const)('%s', (_, f, df) => {
    for (const x of xs) {
      const numeric = ((f(x + h) as number) - (f(x - h) as number)) / (2 * h);
      expect(df(x) as number).toBeCloseTo(numeric, 6);
    }
  });

  test('softmax: the Jacobian-vector product matches differences', () => {
    const x = [0.3, -1.2, 2.0, 0.5];
    const v = [0.1, -0.4, 0.25, 0.7];
    using s = nn.softmax(x);
    const sv = s.toArray() as number[];
    const dot = sv.reduce((acc, si, i) => acc + si * v[i], 0);
    const analytic = sv.map((si, i) => si * (v[i] - dot)); // J v for softmax
    using plus = nn.softmax(x.map((xi, i) => xi + h * v[i]));
    using minus = nn.softmax(x.map((xi, i) => xi - h * v[i]));
    const p = plus.toArray() as number[];
    const m = minus.toArray() as number[];
    analytic.forEach((a, i) => expect(a).toBeCloseTo((p[i] - m[i]) / (2 * h), 6));
  });
});
