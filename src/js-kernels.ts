// The 'js' backend: the kernels of assembly/ as plain TypeScript loops over the same memory,
// with the same names and arguments (pointers in bytes, strides in elements). Also the kernels
// that exist only here (bool, _u8: src/js-kernels/bool.ts). Results agree with wasm: sums bit for bit, transcendental
// functions within an ulp (Math.exp, Math.log, Math.tanh).
import { accumulateKernels } from './js-kernels/accumulate.js';
import { boolKernels } from './js-kernels/bool.js';
import { copyKernels } from './js-kernels/copy.js';
import { logicKernels } from './js-kernels/logic.js';
import { mathKernels } from './js-kernels/math.js';
import { mt19937Kernels } from './js-kernels/mt19937.js';
import { pcg64Kernels } from './js-kernels/pcg64.js';
import {
  SIZE,
  type Suffix,
  type View,
  mapKernel,
  rounder,
  view,
  zipKernel,
} from './js-kernels/views.js';

const unary = (suffix: Suffix, f: (x: number) => number) => mapKernel(suffix, suffix, f);
const binary = (suffix: Suffix, f: (a: number, b: number) => number) =>
  zipKernel(suffix, suffix, f);

// The sums and dot products below avoid function values inside their loops (a `round` or a
// `get` passed in): V8 shares one set of feedback among all closures made from one function
// literal, so once two dtypes had run, such a call turned megamorphic and its loop slow (float64
// matmul took 5.7x as long after a float32 one, float64 sums 2.6x).

/** v, rounded to float32 when float32 is set. */
function round32(v: number, float32: boolean): number {
  return float32 ? Math.fround(v) : v;
}

/** a + b, rounded to float32 when float32 is set (the accumulators of float32 sums). */
function add(a: number, b: number, float32: boolean): number {
  return round32(a + b, float32);
}

// A leaf's eight accumulators (float32 values are held exactly).
const accumulators = new Float64Array(8);

/** NumPy's pairwise_sum of terms[start, start + n), each add rounded to float32 when float32 is set. */
function pairwise(terms: Float64Array, start: number, n: number, float32: boolean): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = add(res, terms[start + i], float32);
    return res;
  }
  if (n <= 128) {
    const r = accumulators;
    for (let j = 0; j < 8; j++) r[j] = terms[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8)
      for (let j = 0; j < 8; j++) r[j] = add(r[j], terms[start + i + j], float32);
    const left = add(add(r[0], r[1], float32), add(r[2], r[3], float32), float32);
    const right = add(add(r[4], r[5], float32), add(r[6], r[7], float32), float32);
    let res = add(left, right, float32);
    for (; i < n; i++) res = add(res, terms[start + i], float32);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return add(
    pairwise(terms, start, n2, float32),
    pairwise(terms, start + n2, n - n2, float32),
    float32,
  );
}

/** What the sum kernels add up, from x (and y; ignored by the one-input terms). */
type SumTerm = 'x' | 'x*x' | '|x|' | '|x-y|' | '(x-y)^2';

/** One term, each step rounded to float32 when float32 is set. */
function term(kind: SumTerm, x: number, y: number, float32: boolean): number {
  switch (kind) {
    case 'x':
      return x;
    case 'x*x':
      return round32(x * x, float32);
    case '|x|':
      return Math.abs(x);
    case '|x-y|':
      return Math.abs(round32(x - y, float32));
    case '(x-y)^2': {
      const d = round32(x - y, float32);
      return round32(d * d, float32);
    }
  }
}

// One row of x and one of y at a time, as float64 (grown as rows need): the terms are computed
// in place in rowX, then summed. Reading through these, the term loop sees one kind of array
// whatever the dtype, and a contiguous row is gathered by a native copy.
let rowX = new Float64Array(1024);
let rowY = new Float64Array(1024);

/** n elements of v from start with the given stride, into `into`. */
function gather(v: View, start: number, stride: number, n: number, into: Float64Array): void {
  if (stride === 1) into.set(v.subarray(start, start + n));
  else for (let i = 0; i < n; i++) into[i] = v[start + i * stride];
}

function sumRows(suffix: 'f64' | 'f32', kind: SumTerm) {
  const float32 = suffix === 'f32';
  const twoInputs = kind === '|x-y|' || kind === '(x-y)^2';
  const size = SIZE[suffix];
  const rows = (
    n: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    y: number,
    ys0: number,
    ys1: number,
    out: number,
    os: number,
    accumulate: number,
  ) => {
    const v = view(suffix);
    if (rowX.length < cols) {
      rowX = new Float64Array(cols);
      rowY = new Float64Array(cols);
    }
    const terms = rowX;
    const ys = rowY;
    for (let r = 0; r < n; r++) {
      gather(v, x / size + r * xs0, xs1, cols, terms);
      if (twoInputs) gather(v, y / size + r * ys0, ys1, cols, ys);
      if (kind !== 'x')
        for (let i = 0; i < cols; i++) terms[i] = term(kind, terms[i], ys[i], float32);
      const o = out / size + r * os;
      v[o] = add(accumulate ? v[o] : 0, pairwise(terms, 0, cols, float32), float32);
    }
  };
  if (twoInputs) return rows;
  return (
    n: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os: number,
    accumulate: number,
  ) => rows(n, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}

function extremeRows(suffix: Suffix, isMax: boolean) {
  const size = SIZE[suffix];
  const pick = isMax
    ? (acc: number, x: number) => (acc > x || acc !== acc ? acc : x)
    : (acc: number, x: number) => (acc < x || acc !== acc ? acc : x);
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os: number,
    accumulate: number,
  ) => {
    const v = view(suffix);
    for (let r = 0; r < rows; r++) {
      const xb = x / size + r * xs0;
      const o = out / size + r * os;
      let acc = accumulate ? v[o] : v[xb];
      for (let c = accumulate ? 0 : 1; c < cols; c++) acc = pick(acc, v[xb + c * xs1]);
      v[o] = acc;
    }
  };
}

/** The dot product of n elements at x and y (strides in elements): one loop per dtype. */
function dot(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  return (n: number, x: number, sx: number, y: number, sy: number): number => {
    const v = view(suffix);
    let s = 0;
    let xi = x / size;
    let yi = y / size;
    if (suffix === 'f32') {
      for (let i = 0; i < n; i++, xi += sx, yi += sy)
        s = Math.fround(s + Math.fround(v[xi] * v[yi]));
    } else if (suffix === 'i32') {
      for (let i = 0; i < n; i++, xi += sx, yi += sy) s = (s + Math.imul(v[xi], v[yi])) | 0;
    } else {
      for (let i = 0; i < n; i++, xi += sx, yi += sy) s += v[xi] * v[yi];
    }
    return s;
  };
}

function matmul(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  const product = dot(suffix);
  return (
    m: number,
    k: number,
    n: number,
    a: number,
    as0: number,
    as1: number,
    b: number,
    bs0: number,
    bs1: number,
    out: number,
  ) => {
    const results = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        results[i * n + j] = product(k, a + i * as0 * size, as1, b + j * bs1 * size, bs0);
      }
    }
    view(suffix).set(results, out / size);
  };
}

function ipow(a: number, b: number): number {
  let result = 1;
  let base = a;
  for (let e = b; e > 0; e >>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

/** C's pow, which NumPy calls: unlike Math.pow, 1 ** y and (-1) ** +-inf are 1, also for NaN y. */
function cPow(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

const maxOf = (a: number, b: number) => (a > b || a !== a ? a : b);
const minOf = (a: number, b: number) => (a < b || a !== a ? a : b);

/** Sigmoid as the wasm kernel computes it: e = exp(-|x|), (x >= 0 ? 1 : e) / (1 + e). */
function sigmoid(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return (x >= 0 ? 1 : e) / (1 + e);
}

function sigmoidKernel(suffix: 'f64' | 'f32', derivative: boolean) {
  const round = rounder(suffix);
  return unary(suffix, (x) => {
    const s = round(sigmoid(x));
    return derivative ? s * round(1 - s) : s;
  });
}

/**
 * A function of one row (float32 values held exactly), with each step rounded by `round` to the
 * row's dtype; `float32` tells pairwise the same.
 */
type RowFn = (row: Float64Array, round: (x: number) => number, float32: boolean) => Float64Array;

/** A row kernel (rows, cols, x, xs0, xs1, out) with out contiguous, from a function of one row. */
function rowKernel(suffix: 'f64' | 'f32', fn: RowFn) {
  const size = SIZE[suffix];
  const round = rounder(suffix);
  return (rows: number, cols: number, x: number, xs0: number, xs1: number, out: number) => {
    const v = view(suffix);
    for (let r = 0; r < rows; r++) {
      const row = Float64Array.from({ length: cols }, (_, i) => v[x / size + r * xs0 + i * xs1]);
      v.set(fn(row, round, suffix === 'f32'), out / size + r * cols);
    }
  };
}

function rowMax(row: Float64Array): number {
  return row.reduce((m, v) => (m > v || m !== m ? m : v));
}

const softmaxRow: RowFn = (row, round, float32) => {
  const m = rowMax(row);
  const e = row.map((v) => round(Math.exp(round(v - m))));
  const s = round(0 + pairwise(e, 0, e.length, float32));
  return e.map((v) => round(v / s));
};

const logSoftmaxRow: RowFn = (row, round, float32) => {
  let m = rowMax(row);
  if (!Number.isFinite(m)) m = 0;
  const e = row.map((v) => round(Math.exp(round(v - m))));
  const logSum = round(Math.log(round(0 + pairwise(e, 0, e.length, float32))));
  return row.map((v) => round(round(v - m) - logSum));
};

const normalizeRow: RowFn = (row, round, float32) => {
  const squares = row.map((v) => round(v * v));
  const norm = round(Math.sqrt(round(0 + pairwise(squares, 0, row.length, float32))));
  return row.map((v) => round(v / norm));
};

export const jsKernels: Record<string, (...args: number[]) => unknown> = {};
for (const s of ['f64', 'f32'] as const) {
  Object.assign(jsKernels, {
    [`exp_${s}`]: unary(s, Math.exp),
    [`log_${s}`]: unary(s, Math.log),
    [`sqrt_${s}`]: unary(s, Math.sqrt),
    [`tanh_${s}`]: unary(s, Math.tanh),
    [`abs_${s}`]: unary(s, Math.abs),
    [`square_${s}`]: unary(s, (x) => x * x),
    [`negative_${s}`]: unary(s, (x) => -x),
    [`add_${s}`]: binary(s, (a, b) => a + b),
    [`subtract_${s}`]: binary(s, (a, b) => a - b),
    [`multiply_${s}`]: binary(s, (a, b) => a * b),
    [`divide_${s}`]: binary(s, (a, b) => a / b),
    [`maximum_${s}`]: binary(s, maxOf),
    [`minimum_${s}`]: binary(s, minOf),
    [`power_${s}`]: binary(s, cPow),
    [`sum_${s}`]: sumRows(s, 'x'),
    [`sumsq_${s}`]: sumRows(s, 'x*x'),
    [`sumabs_${s}`]: sumRows(s, '|x|'),
    [`sumabsdiff_${s}`]: sumRows(s, '|x-y|'),
    [`sumsqdiff_${s}`]: sumRows(s, '(x-y)^2'),
    [`max_${s}`]: extremeRows(s, true),
    [`min_${s}`]: extremeRows(s, false),
    [`dot_${s}`]: dot(s),
    [`matmul_${s}`]: matmul(s),
    [`sigmoid_${s}`]: sigmoidKernel(s, false),
    [`sigmoidDerivative_${s}`]: sigmoidKernel(s, true),
    [`softmaxRows_${s}`]: rowKernel(s, softmaxRow),
    [`logSoftmaxRows_${s}`]: rowKernel(s, logSoftmaxRow),
    [`normalizeRows_${s}`]: rowKernel(s, normalizeRow),
  });
}
Object.assign(jsKernels, {
  abs_i32: unary('i32', (x) => Math.abs(x) | 0),
  square_i32: unary('i32', (x) => Math.imul(x, x)),
  negative_i32: unary('i32', (x) => -x | 0),
  add_i32: binary('i32', (a, b) => (a + b) | 0),
  subtract_i32: binary('i32', (a, b) => (a - b) | 0),
  multiply_i32: binary('i32', Math.imul),
  maximum_i32: binary('i32', maxOf),
  minimum_i32: binary('i32', minOf),
  power_i32: binary('i32', ipow),
  max_i32: extremeRows('i32', true),
  min_i32: extremeRows('i32', false),
  dot_i32: dot('i32'),
  matmul_i32: matmul('i32'),
  max_u8: extremeRows('u8', true),
  min_u8: extremeRows('u8', false),
});
Object.assign(
  jsKernels,
  accumulateKernels,
  boolKernels,
  copyKernels,
  logicKernels,
  mathKernels,
  mt19937Kernels,
  pcg64Kernels,
);
