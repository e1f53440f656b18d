import { describe, expect, test } from 'vitest';
import np, { type DType, ValueError } from '../src/index.js';
import { promoteTypes, promoteWithScalar } from '../src/dtype.js';
import { type FixtureArray, expectSameArray, loadFixture } from './helpers.js';

interface CreationFixtures {
  arange: { args: number[]; expected: FixtureArray }[];
  linspace: { args: [number, number, number]; endpoint: boolean; expected: FixtureArray }[];
  inference: { data: unknown; expected: FixtureArray }[];
  promotion: { a: DType; b: DType; expected: DType }[];
  scalarPromotion: { dtype: DType; scalar: number; expected: DType }[];
  astype: { input: FixtureArray; dtype: DType; expected: FixtureArray }[];
  reshape: {
    size: number;
    shape: number[];
    error: { type: string; message: string } | null;
    expected: number[] | null;
  }[];
  ragged: { data: unknown; error: { type: string; message: string } }[];
  transposeErrors: { shape: number[]; axes: number[]; error: { type: string; message: string } }[];
}
const fixtures = loadFixture<CreationFixtures>('creation');

describe('np.arange', () => {
  test.each(fixtures.arange)('arange($args)', ({ args, expected }) => {
    const [a, b, c] = args;
    using x = np.arange(a, b, c);
    expectSameArray(x, expected);
  });
  test('rejects a zero step', () => {
    expect(() => np.arange(0, 1, 0)).toThrow(RangeError);
  });
});

describe('np.linspace', () => {
  test.each(fixtures.linspace)(
    'linspace($args, endpoint=$endpoint)',
    ({ args, endpoint, expected }) => {
      using x = np.linspace(args[0], args[1], args[2], { endpoint });
      expectSameArray(x, expected);
    },
  );
});

describe('np.array', () => {
  test.each(fixtures.inference)('infers the dtype of $data', ({ data, expected }) => {
    using x = np.array(data as number[]);
    expectSameArray(x, expected);
  });

  test('typed arrays keep their type', () => {
    using a = np.array(new Float32Array([1.5, 2]));
    using b = np.array(new Int32Array([1, 2]));
    using c = np.array(new Float64Array([1, 2]));
    using d = np.array(new Uint8Array([1, 255]));
    expect([a.dtype, b.dtype, c.dtype, d.dtype]).toEqual(['float32', 'int32', 'float64', 'int32']);
    expect(d.toArray()).toEqual([1, 255]);
  });

  test('{dtype} overrides inference: 1 and 1.0 are the same JS number', () => {
    using x = np.array([1, 2], { dtype: 'float64' });
    expect(x.dtype).toBe('float64');
    expect(String(x)).toBe('[1. 2.]');
  });

  test('-0, NaN and Infinity make float64', () => {
    for (const v of [-0, NaN, Infinity]) {
      using x = np.array([1, v]);
      expect(x.dtype).toBe('float64');
    }
  });

  test('copies NDArrays; asarray passes them through', () => {
    using x = np.array([1, 2, 3]);
    using y = np.array(x);
    expect(y).not.toBe(x);
    expect(np.asarray(x)).toBe(x);
    using z = np.asarray(x, { dtype: 'float32' });
    expect(z.dtype).toBe('float32');
  });

  test('nested NDArrays are read as their values', () => {
    using row = np.array([1, 2]);
    using x = np.array([row, [3, 4]] as never);
    expect(x.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test.each(fixtures.ragged)('ragged $data is a ValueError in NumPy words', ({ data, error }) => {
    const before = np.memory().arrays;
    expect(() => np.array(data as number[])).toThrow(new ValueError(`array: ${error.message}`));
    expect(np.memory().arrays).toBe(before);
  });

  test.each([['a'], [[1, 'x']], [[1, null]], [{}], [null], [undefined], [[1, {}]]])(
    'rejects non-numeric %j with a TypeError naming the value',
    (data) => {
      expect(() => np.array(data as never)).toThrow(TypeError);
      expect(() => np.array(data as never)).toThrow(/^array: /);
    },
  );

  test('unknown dtype and unknown options are TypeErrors', () => {
    expect(() => np.array([1], { dtype: 'float16' as DType })).toThrow(
      new TypeError(
        'array: data type "float16" not understood (expected one of float64, float32, int32, bool)',
      ),
    );
    expect(() => np.array([1], { dtpe: 'float64' } as never)).toThrow(
      new TypeError("array() got an unexpected keyword argument 'dtpe'"),
    );
  });
});

describe('dtype promotion (NumPy 2, NEP 50)', () => {
  test.each(fixtures.promotion)('$a with $b gives $expected', ({ a, b, expected }) => {
    expect(promoteTypes(a, b)).toBe(expected);
  });
  test.each(fixtures.scalarPromotion)(
    '$dtype with the scalar $scalar gives $expected',
    ({ dtype, scalar, expected }) => {
      expect(promoteWithScalar(dtype, scalar)).toBe(expected);
    },
  );
});

describe('np.zeros, ones, full, empty', () => {
  test('fill and dtype', () => {
    using z = np.zeros([2, 3]);
    using o = np.ones(4, { dtype: 'int32' });
    using f = np.full([2], 7);
    using g = np.full([2], 2.5);
    using b = np.full([1], true);
    using e = np.empty([3], { dtype: 'float32' });
    expect(z.toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect([z.dtype, o.dtype, f.dtype, g.dtype, b.dtype, e.dtype]).toEqual([
      'float64',
      'int32',
      'int32',
      'float64',
      'bool',
      'float32',
    ]);
    expect(o.toArray()).toEqual([1, 1, 1, 1]);
    expect(e.shape).toEqual([3]);
  });

  test('zeros clears memory that an earlier array dirtied', () => {
    const dirty = np.full([1000], 5);
    dirty.dispose();
    using z = np.zeros([1000], { dtype: 'int32' });
    expect(new Set(z.data)).toEqual(new Set([0]));
  });

  test('bad shapes: NumPy words', () => {
    expect(() => np.zeros(-1)).toThrow(
      new ValueError('zeros: negative dimensions are not allowed'),
    );
    expect(() => np.zeros([2, 2.5])).toThrow(TypeError);
    expect(() => np.ones('3' as never)).toThrow(TypeError);
    expect(() => np.zeros([NaN])).toThrow(TypeError);
  });
});

describe('np.random.defaultRng', () => {
  test('same seed, same numbers; in range', () => {
    using a = np.random.defaultRng(42).random([1000]);
    using b = np.random.defaultRng(42).random([1000]);
    expect(a.toArray()).toEqual(b.toArray());
    const values = a.toArray() as number[];
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  test('standardNormal has mean 0 and variance 1; uniform stays in [lo, hi)', () => {
    const rng = np.random.defaultRng(7);
    using n = rng.standardNormal([20000]);
    const values = n.toArray() as number[];
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    using u = rng.uniform(-2, 3, [2, 500]);
    const flat = (u.toArray() as number[][]).flat();
    expect(Math.min(...flat)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...flat)).toBeLessThan(3);
    expect(typeof rng.random()).toBe('number');
  });
});
