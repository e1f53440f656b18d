// Property tests (fast-check): on random shapes, dtypes, views and values, the 'wasm-simd',
// 'wasm' and 'js' backends agree: within 2 ulp for elementwise ops, exactly for sums and the
// other reductions.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import np, { type Backend, NDArray, nn } from '../src/index.js';
import { flatValues } from './helpers.js';
import { ulpDistance } from './ulp.js';

const backends: Backend[] = ['wasm-simd', 'wasm', 'js'];
// The SIMD and no-SIMD builds agree bit for bit, but for the relaxed-SIMD build, whose fused
// multiply-adds (in exp, and pow through it) round once where the others round twice.
const buildTolerance = np.wasmFeatures().relaxedSimd ? 1 : 0;
afterAll(() => np.setBackend('wasm-simd'));

const shapeArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 4 });
const dtypeArb = fc.constantFrom('float64' as const, 'float32' as const);
const valueArb = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 709.8, -745.2),
);

/** An array of the shape with values, optionally seen through a transposed view. */
function build(
  shape: number[],
  values: number[],
  dtype: 'float64' | 'float32',
  transpose: boolean,
): NDArray[] {
  const size = shape.reduce((a, b) => a * b, 1);
  const flat = np.array(
    Array.from({ length: size }, (_, i) => values[i % Math.max(1, values.length)] ?? 0),
    { dtype },
  );
  const shaped = flat.reshape(shape);
  flat.dispose();
  return transpose ? [shaped, shaped.T] : [shaped];
}

/** Runs fn on every backend and returns the flat results. */
function onEveryBackend(fn: () => NDArray | number): number[][] {
  return backends.map((backend) => {
    np.setBackend(backend);
    const result = fn();
    if (typeof result === 'number') return [result];
    const values = flatValues(result);
    result.dispose();
    return values;
  });
}

describe('backends agree', () => {
  test.prop([
    fc.constantFrom(
      'exp',
      'log',
      'sqrt',
      'tanh',
      'abs',
      'square',
      'negative',
    ) as fc.Arbitrary<'exp'>,
    shapeArb,
    fc.array(valueArb, { minLength: 1, maxLength: 40 }),
    dtypeArb,
    fc.boolean(),
  ])('elementwise unary ops within 2 ulp', (op, shape, values, dtype, transpose) => {
    const made = build(shape, values, dtype, transpose);
    try {
      const [simd, wasm, js] = onEveryBackend(() => np[op](made.at(-1)!));
      for (let i = 0; i < simd.length; i++) {
        expect(ulpDistance(simd[i], wasm[i], dtype)).toBeLessThanOrEqual(buildTolerance);
        expect(ulpDistance(simd[i], js[i], dtype)).toBeLessThanOrEqual(2);
      }
    } finally {
      made.forEach((m) => m.dispose());
    }
  });

  test.prop([
    fc.constantFrom(
      'add',
      'subtract',
      'multiply',
      'divide',
      'maximum',
      'minimum',
      'power',
    ) as fc.Arbitrary<'add' | 'power'>,
    shapeArb,
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fc.array(valueArb, { minLength: 1, maxLength: 40 }),
    dtypeArb,
  ])(
    'binary ops with broadcasting within 2 ulp (exact but power)',
    (op, shape, drop, values, dtype) => {
      // b has the trailing axes of a, some of them set to 1: broadcasting both ways.
      const bShape = shape.slice(1).map((d, i) => (drop[i] ? 1 : d));
      const a = build(shape, values, dtype, false);
      const b = build(bShape, values.slice().reverse(), dtype, false);
      try {
        const [simd, wasm, js] = onEveryBackend(() => np[op](a[0], b[0]));
        const tolerance = op === 'power' ? 2 : 0;
        for (let i = 0; i < simd.length; i++) {
          expect(ulpDistance(simd[i], wasm[i], dtype)).toBeLessThanOrEqual(
            op === 'power' ? buildTolerance : 0,
          );
          expect(ulpDistance(simd[i], js[i], dtype)).toBeLessThanOrEqual(tolerance);
        }
      } finally {
        [...a, ...b].forEach((m) => m.dispose());
      }
    },
  );

  test.prop([
    fc.constantFrom('sum', 'max', 'min', 'mean') as fc.Arbitrary<'sum'>,
    fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
    dtypeArb,
    fc.boolean(),
    fc.option(fc.integer({ min: -3, max: 2 }), { nil: null }),
    fc.boolean(),
  ])('reductions agree exactly', (op, shape, values, dtype, transpose, axis, keepdims) => {
    const made = build(shape, values, dtype, transpose);
    const x = made.at(-1)!;
    const validAxis = axis === null ? null : ((axis % x.ndim) + x.ndim) % x.ndim;
    try {
      const [simd, wasm, js] = onEveryBackend(() => np[op](x, { axis: validAxis, keepdims }));
      expect(wasm).toEqual(simd);
      expect(js).toEqual(simd);
    } finally {
      made.forEach((m) => m.dispose());
    }
  });

  // Long rows reach every shape of NumPy's pairwise tree: leaves of 8 to 128, pairs of leaves
  // summed side by side, remainders; the fused sums (norms, L1, L2) must keep its order too.
  test.prop([
    fc.constantFrom('sum', 'norm', 'l1', 'l2'),
    fc.integer({ min: 0, max: 1300 }),
    fc.integer({ min: 1, max: 3 }),
    dtypeArb,
    fc.nat(),
  ])('long-row sums and fused sums agree exactly', (op, cols, rows, dtype, seed) => {
    const rng = np.random.defaultRng(seed);
    const x = rng.standardNormal([rows, cols]).astype(dtype);
    const y = rng.standardNormal([rows, cols]).astype(dtype);
    try {
      const [simd, wasm, js] = onEveryBackend(() => {
        if (op === 'sum') return np.sum(x, { axis: -1 });
        if (op === 'norm') return np.linalg.norm(x, { axis: -1 });
        return op === 'l1' ? nn.l1(x, y) : nn.l2(x, y);
      });
      expect(wasm).toEqual(simd);
      expect(js).toEqual(simd);
    } finally {
      x.dispose();
      y.dispose();
    }
  });

  // Calls past 1 MiB (float64) or 16 MiB (float32) stream from beyond the L2 cache, and the SIMD
  // build sums their sibling leaves one after the other instead of side by side: the order must
  // not change. The call's bytes decide, so a matrix of short rows (1,000 elements) past them goes
  // that way too, in its row sums, norms and normalizeRows.
  test.each([
    ['float64', 150_000],
    ['float32', 4_400_000],
  ] as const)('sums over %s data of %i elements (past its threshold) agree exactly', (dtype, n) => {
    const rng = np.random.defaultRng(16);
    using x = rng.standardNormal([n]).astype(dtype);
    using y = rng.standardNormal([n]).astype(dtype);
    using rows = x.reshape(-1, 1000);
    const calls = [
      () => np.sum(x),
      () => nn.l1(x, y),
      () => np.sum(rows, { axis: 1 }),
      () => np.linalg.norm(rows, { axis: 1 }),
      () => nn.normalizeRows(rows),
    ];
    for (const op of calls) {
      const [simd, wasm, js] = onEveryBackend(op);
      expect(wasm).toEqual(simd);
      expect(js).toEqual(simd);
    }
  });
});
