import { describe, expect, test } from 'vitest';
import np, { AxisError, IndexError, NDArray, ValueError } from '../src/index.js';
import { type FixtureArray, expectSameArray, fromFixture, loadFixture } from './helpers.js';

interface Fixtures {
  astype: { input: FixtureArray; dtype: 'float32' | 'bool' | 'int32'; expected: FixtureArray }[];
  reshape: {
    size: number;
    shape: number[];
    error: { type: string; message: string } | null;
    expected: number[] | null;
  }[];
  transposeErrors: { shape: number[]; axes: number[]; error: { type: string; message: string } }[];
}
const fixtures = loadFixture<Fixtures>('creation');

describe('attributes', () => {
  test('shape, ndim, size, dtype, strides (in bytes, as NumPy)', () => {
    using x = np.zeros([2, 3, 4], { dtype: 'float32' });
    expect([x.shape, x.ndim, x.size, x.dtype, x.strides]).toEqual([
      [2, 3, 4],
      3,
      24,
      'float32',
      [48, 16, 4],
    ]);
    using t = x.T;
    expect([t.shape, t.strides]).toEqual([
      [4, 3, 2],
      [4, 16, 48],
    ]);
  });

  test('shape is frozen: changing an element of it throws, and the array keeps its shape', () => {
    using x = np.ones([2, 3]);
    const shape = x.shape as number[];
    expect(() => {
      shape[0] = 8;
    }).toThrow(TypeError);
    expect(() => shape.push(1)).toThrow(TypeError);
    expect(x.shape).toEqual([2, 3]);
    using sums = np.sum(x, 0) as NDArray;
    expect(sums.toArray()).toEqual([2, 2, 2]);
  });
});

describe('reshape', () => {
  test('the brief: [[1,2,3],[4,5,6]].reshape(-1, 1)', () => {
    using x = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    using y = x.reshape(-1, 1);
    expect(y.shape).toEqual([6, 1]);
    expect(y.toArray()).toEqual([[1], [2], [3], [4], [5], [6]]);
  });

  test.each(fixtures.reshape)('size $size into $shape', ({ size, shape, error, expected }) => {
    using x = np.arange(size);
    if (error) {
      expect(() => x.reshape(shape)).toThrow(new ValueError(error.message));
    } else {
      using y = x.reshape(shape);
      expect(y.shape).toEqual(expected);
    }
  });

  test('a contiguous reshape is a view; a transposed one copies', () => {
    using x = np.arange(6);
    using v = x.reshape(2, 3);
    expect(v.block).toBe(x.block);
    using t = v.T;
    using c = t.reshape(6);
    expect(c.block).not.toBe(x.block);
    expect(c.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(np.reshape([1, 2, 3, 4], [2, 2]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test('ravel', () => {
    using x = np.arange(6).reshape(2, 3);
    using r = x.T.ravel();
    expect(r.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('transpose', () => {
  test('views with permuted axes', () => {
    using x = np.arange(24).reshape(2, 3, 4);
    using t = x.transpose(1, 0, 2);
    expect(t.shape).toEqual([3, 2, 4]);
    expect(t.get(2, 1, 3)).toBe(x.get(1, 2, 3));
    using u = x.transpose([2, 0, 1]);
    expect(u.shape).toEqual([4, 2, 3]);
    expect(u.get(3, 1, 2)).toBe(x.get(1, 2, 3));
  });

  test.each(fixtures.transposeErrors)('errors: axes $axes of $shape', ({ shape, axes, error }) => {
    using x = np.zeros(shape);
    const Expected = error.type === 'AxisError' ? AxisError : ValueError;
    expect(() => x.transpose(...axes)).toThrow(new Expected(error.message));
  });
});

describe('astype and copy', () => {
  test.each(fixtures.astype)('float64 to $dtype as NumPy casts', ({ input, dtype, expected }) => {
    using x = fromFixture(input);
    using y = x.astype(dtype);
    expectSameArray(y, expected);
  });

  test('copy of a view is contiguous and independent', () => {
    using x = np.arange(6).reshape(2, 3);
    using t = x.T.copy();
    expect(t.isContiguous).toBe(true);
    t.data[0] = 100;
    expect(x.get(0, 0)).toBe(0);
  });
});

describe('get, item, toArray, data', () => {
  test('get indexes like x[i, j]; negative indices count from the end', () => {
    using x = np.arange(6).reshape(2, 3);
    expect(x.get(1, -1)).toBe(5);
    using row = x.get(-1) as NDArray;
    expect(row.toArray()).toEqual([3, 4, 5]);
    expect(() => x.get(2, 0)).toThrow(
      new IndexError('index 2 is out of bounds for axis 0 with size 2'),
    );
    expect(() => x.get(0, 0, 0)).toThrow(
      new IndexError('too many indices for array: array is 2-dimensional, but 3 were indexed'),
    );
  });

  test('item', () => {
    using one = np.array([[2.5]]);
    expect(one.item()).toBe(2.5);
    using x = np.array([true, false]);
    expect(x.item(1)).toBe(false);
    expect(() => x.item()).toThrow(
      new ValueError('can only convert an array of size 1 to a Python scalar'),
    );
  });

  test('toArray of 0-d and bool arrays', () => {
    using s = np.array(3.5);
    expect(s.toArray()).toBe(3.5);
    using b = np.array([[true], [false]]);
    expect(b.toArray()).toEqual([[true], [false]]);
  });

  test('data is a typed-array view of wasm memory; non-contiguous arrays refuse', () => {
    using x = np.array([1, 2, 3], { dtype: 'float32' });
    expect(x.data).toBeInstanceOf(Float32Array);
    x.data[1] = 20;
    expect(x.toArray()).toEqual([1, 20, 3]);
    using m = np.arange(6).reshape(2, 3);
    using t = m.T;
    expect(() => t.data).toThrow(ValueError);
  });
});
