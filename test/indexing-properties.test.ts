// Property tests (fast-check) of indexing: a random basic index (ints, slices with any step,
// '...', newaxis) gives a view whose toArray() equals the same index applied to nested JS arrays
// by a reference written here from Python's slice rules; set then get returns what was set; the
// three backends agree on gathers and scatters.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import np, { type Backend, type IndexKey, type NestedArray, NDArray } from '../src/index.js';

afterAll(() => np.setBackend('wasm-simd'));

type RefKey =
  { int: number } | { slice: [number | null, number | null, number | null] } | 'newaxis';

/** Python's slice.indices, written out: the positions a slice selects from an axis of length n. */
function slicePositions(
  [start, stop, step]: [number | null, number | null, number | null],
  n: number,
): number[] {
  const s = step ?? 1;
  const clip = (v: number | null, fallback: number) => {
    if (v === null) return fallback;
    const w = v < 0 ? v + n : v;
    return w < 0 ? (s < 0 ? -1 : 0) : w >= n ? (s < 0 ? n - 1 : n) : w;
  };
  const from = clip(start, s < 0 ? n - 1 : 0);
  const to = clip(stop, s < 0 ? -1 : n);
  const out: number[] = [];
  for (let i = from; s > 0 ? i < to : i > to; i += s) out.push(i);
  return out;
}

/** The reference: keys (no '...', already expanded) applied to nested arrays. */
function reference(value: NestedArray, keys: RefKey[]): NestedArray {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  if (key === 'newaxis') return [reference(value, rest)];
  const list = value as NestedArray[];
  if ('int' in key) return reference(list[key.int < 0 ? key.int + list.length : key.int], rest);
  return slicePositions(key.slice, list.length).map((i) => reference(list[i], rest));
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });

/** A shape and a valid basic index for it (ints in range, any slices, some newaxes). */
const caseArb = shapeArb.chain((shape) =>
  fc
    .tuple(
      fc.tuple(
        ...shape.map((n) =>
          fc.oneof(
            fc.integer({ min: -n, max: n - 1 }).map((int): RefKey => ({ int })),
            fc
              .tuple(
                fc.option(fc.integer({ min: -7, max: 7 }), { nil: null }),
                fc.option(fc.integer({ min: -7, max: 7 }), { nil: null }),
                fc.option(
                  fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
                  { nil: null },
                ),
              )
              .map((slice): RefKey => ({ slice })),
          ),
        ),
      ),
      fc.integer({ min: 0, max: shape.length }), // how many trailing axes '...' stands for
      fc.array(fc.integer({ min: 0, max: shape.length }), { maxLength: 2 }), // newaxis positions
    )
    .map(([perAxis, ellipsisCovers, newaxes]) => ({
      shape,
      perAxis: perAxis as RefKey[],
      ellipsisCovers,
      newaxes,
    })),
);

/** The case as nnbasics keys (slices as strings or np.slice objects, '...' for the tail). */
function keysOf(perAxis: RefKey[], ellipsisCovers: number, newaxes: number[], useObjects: boolean) {
  const explicit = perAxis.slice(0, perAxis.length - ellipsisCovers);
  const refKeys: RefKey[] = [...explicit];
  for (const at of [...newaxes].sort((a, b) => b - a))
    refKeys.splice(Math.min(at, refKeys.length), 0, 'newaxis');
  const keys: IndexKey[] = refKeys.map((k) => {
    if (k === 'newaxis') return np.newaxis;
    if ('int' in k) return k.int;
    const [a, b, c] = k.slice;
    if (useObjects) return np.slice(a, b, c);
    return `${a ?? ''}:${b ?? ''}${c === null ? '' : `:${c}`}`;
  });
  if (ellipsisCovers > 0) keys.push('...');
  // The reference sees the covered axes as full slices.
  const covered: RefKey[] = perAxis
    .slice(perAxis.length - ellipsisCovers)
    .map(() => ({ slice: [null, null, null] }));
  return { keys, refKeys: [...refKeys, ...covered] };
}

describe('basic indexing', () => {
  test.prop([caseArb, fc.boolean()], { numRuns: 300 })(
    'gives a view equal to the reference, sharing memory',
    ({ shape, perAxis, ellipsisCovers, newaxes }, useObjects) => {
      const size = shape.reduce((a, b) => a * b, 1);
      using flat = np.arange(size);
      using x = flat.reshape(shape);
      const { keys, refKeys } = keysOf(perAxis, ellipsisCovers, newaxes, useObjects);
      const result = x.get(...keys);
      const expected = reference(x.toArray(), refKeys);
      if (result instanceof NDArray) {
        try {
          expect(result.toArray()).toEqual(expected);
          expect(result.block).toBe(x.block);
        } finally {
          result.dispose();
        }
      } else {
        expect(result).toBe(expected);
      }
    },
  );

  test.prop([caseArb, fc.integer({ min: -1000, max: 1000 })], { numRuns: 200 })(
    'set then get returns what was set, and nothing else changes',
    ({ shape, perAxis, ellipsisCovers, newaxes }, value) => {
      const size = shape.reduce((a, b) => a * b, 1);
      using x = np.zeros(shape, { dtype: 'int32' });
      const { keys } = keysOf(perAxis, ellipsisCovers, newaxes, false);
      x.set(...keys, value);
      const back = x.get(...keys);
      const values = back instanceof NDArray ? (back.ravel().toArray() as number[]) : [back];
      if (back instanceof NDArray) back.dispose();
      expect(values.every((v) => v === value)).toBe(true);
      // Exactly the selected elements changed (all, when value is 0, is no change at all).
      const changed = (x.ravel().toArray() as number[]).filter((v) => v !== 0).length;
      expect(changed).toBe(value === 0 ? 0 : new Set(selectedOffsets(shape, keys)).size);
      expect(size).toBeGreaterThan(0);
    },
  );
});

/** The flat positions a basic index selects, by indexing an arange with it. */
function selectedOffsets(shape: number[], keys: IndexKey[]): number[] {
  using flat = np.arange(shape.reduce((a, b) => a * b, 1));
  using x = flat.reshape(shape);
  const got = x.get(...keys);
  if (!(got instanceof NDArray)) return [got as number];
  try {
    using raveled = got.ravel();
    return raveled.toArray() as number[];
  } finally {
    got.dispose();
  }
}

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];

describe('advanced indexing', () => {
  const arb = fc.record({
    rows: fc.integer({ min: 1, max: 6 }),
    cols: fc.integer({ min: 1, max: 40 }),
    dtype: fc.constantFrom(
      'float64' as const,
      'float32' as const,
      'int32' as const,
      'bool' as const,
    ),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    transpose: fc.boolean(),
  });

  test.prop([arb], { numRuns: 100 })('masks and index arrays agree on every backend', (c) => {
    const results: unknown[] = [];
    for (const backend of backends) {
      np.setBackend(backend);
      np.tidy(() => {
        const rng = np.random.defaultRng(c.seed);
        const base = rng.uniform(-5, 5, [c.rows, c.cols]).astype(c.dtype);
        const x = c.transpose ? base.T.copy().T : base;
        const mask = x.gt(0);
        const rowsPicked = [0, c.rows - 1, 0];
        const gathered = [x.get(mask), x.get(rowsPicked), x.get(':', [c.cols - 1, 0])].map((a) =>
          (a as NDArray).toArray(),
        );
        const y = x.copy();
        y.set(mask, 0);
        y.set([c.rows - 1], 1);
        const unmasked = np.logicalNot(mask);
        y.set(unmasked, x.get(unmasked) as NDArray);
        results.push([gathered, y.toArray()]);
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    np.setBackend('wasm-simd');
  });
});
