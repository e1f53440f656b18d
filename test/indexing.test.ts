// x.get(...keys) and x.set(...keys, value) against NumPy's x[keys] and x[keys] = value
// (test/fixtures/indexing.json, from generate_indexing.py), on all three backends: values,
// shapes, dtypes, views (sharing x's memory, with NumPy's strides) and NumPy's errors.
import { afterAll, describe, expect, test } from 'vitest';
import np, { type Backend, type DType, type IndexKey, NDArray } from '../src/index.js';
import {
  type FixtureArray,
  decodeValue,
  expectSameArray,
  fromFixture,
  loadFixture,
} from './helpers.js';

type Key =
  | { int: number }
  | { slice: string }
  | { ellipsis: true }
  | { newaxis: true }
  | { mask: FixtureArray }
  | { index: FixtureArray }
  | { list: unknown[] };
type Value = { scalar: number | boolean | string } | { array: FixtureArray } | { list: unknown };
interface Case {
  op: 'get' | 'set';
  shape: number[];
  dtype: 'float64' | 'float32' | 'int64' | 'bool';
  view: 'T' | '::-1' | null;
  keys: Key[];
  value?: Value;
  expected?: { scalar: number | boolean | string } | FixtureArray;
  isView?: boolean | null;
  strides?: number[];
  error?: { type: string; message: string };
}
const cases = loadFixture<Case[]>('indexing');

const DTYPE: Record<Case['dtype'], DType> = {
  float64: 'float64',
  float32: 'float32',
  int64: 'int32',
  bool: 'bool',
};

/** The case's x: arange(size) in its dtype (float64: * 1.5 - 3), reshaped, maybe a view of it. */
function baseArray(c: Case, made: NDArray[]): NDArray {
  const size = c.shape.reduce((n, d) => n * d, 1);
  const values = Array.from({ length: size }, (_, i) => (c.dtype === 'float64' ? i * 1.5 - 3 : i));
  const flat = np.array(values, { dtype: DTYPE[c.dtype] });
  made.push(flat);
  const x = flat.reshape(c.shape);
  made.push(x);
  if (c.view === null) return x;
  const view = c.view === 'T' ? x.T : (x.get('::-1') as NDArray);
  made.push(view);
  return view;
}

function key(k: Key, made: NDArray[]): IndexKey {
  if ('int' in k) return k.int;
  if ('slice' in k) return k.slice;
  if ('ellipsis' in k) return '...';
  if ('newaxis' in k) return np.newaxis;
  if ('list' in k) return k.list as IndexKey;
  const array = fromFixture('mask' in k ? k.mask : k.index);
  made.push(array);
  return array;
}

function value(v: Value, made: NDArray[]): unknown {
  if ('scalar' in v) return decodeValue(v.scalar);
  if ('list' in v) return v.list;
  const array = fromFixture(v.array);
  made.push(array);
  return array;
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
afterAll(() => np.setBackend('wasm-simd'));

describe.each(backends)('NumPy indexing on the %s backend', (backend) => {
  test('at least 150 cases', () => expect(cases.length).toBeGreaterThanOrEqual(150));

  test.each(
    cases.map((c, i) => ({ ...c, name: `${i} ${c.op} ${JSON.stringify(c.keys).slice(0, 80)}` })),
  )('$name', (c) => {
    np.setBackend(backend);
    const made: NDArray[] = [];
    const before = np.memory().arrays;
    try {
      const x = baseArray(c, made);
      const keys = c.keys.map((k) => key(k, made));
      let result: unknown;
      let thrown: unknown;
      try {
        result = c.op === 'get' ? x.get(...keys) : x.set(...keys, value(c.value!, made) as never);
      } catch (error) {
        thrown = error;
      }
      if (result instanceof NDArray && result !== x) made.push(result);
      if (c.error) {
        expect(thrown, 'expected an error').toBeInstanceOf(Error);
        expect((thrown as Error).name).toBe(c.error.type);
        expect((thrown as Error).message.endsWith(c.error.message), (thrown as Error).message).toBe(
          true,
        );
        return;
      }
      if (thrown) throw thrown;
      const expected = c.expected!;
      if ('scalar' in expected) {
        expect(result).toBe(
          expected.scalar === true || expected.scalar === false
            ? expected.scalar
            : decodeValue(expected.scalar),
        );
        return;
      }
      if (c.op === 'set') {
        expect(result).toBe(x);
        expectSameArray(x, expected);
        return;
      }
      const array = result as NDArray;
      expectSameArray(array, expected);
      if (c.isView) {
        // A basic index shares x's memory, with NumPy's steps.
        expect(array.block).toBe(x.block);
        expect(array.strides.map((s) => s / array.itemsize)).toEqual(c.strides);
      } else if (c.isView === false) {
        expect(array.block).not.toBe(x.block);
      }
    } finally {
      made.forEach((m) => m.dispose());
      expect(np.memory().arrays).toBe(before);
    }
  });
});
