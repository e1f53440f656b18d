// The 'js' backend: the kernels of assembly/ as plain TypeScript loops over the same memory,
// with the same names and arguments (pointers in bytes, strides in elements). Also the kernels
// that exist only here (bool, _u8). Results agree with wasm: sums bit for bit, transcendental
// functions within an ulp (Math.exp, Math.log, Math.tanh).
import { heap } from './memory.js';

type View = Float64Array | Float32Array | Int32Array | Uint8Array;
type Suffix = 'f64' | 'f32' | 'i32' | 'u8';

const SIZE: Record<Suffix, number> = { f64: 8, f32: 4, i32: 4, u8: 1 };

function view(suffix: Suffix): View {
  const views = heap();
  return suffix === 'f64'
    ? views.f64
    : suffix === 'f32'
      ? views.f32
      : suffix === 'i32'
        ? views.i32
        : views.u8;
}

/** Rounds a double result the way storing it in the suffix's type does (for accumulators). */
function rounder(suffix: Suffix): (x: number) => number {
  return suffix === 'f32' ? Math.fround : suffix === 'f64' ? (x) => x : (x) => x | 0;
}

function unary(suffix: Suffix, f: (x: number) => number) {
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os0: number,
    os1: number,
  ) => {
    const v = view(suffix);
    const size = SIZE[suffix];
    for (let r = 0; r < rows; r++) {
      let xi = x / size + r * xs0;
      let oi = out / size + r * os0;
      for (let c = 0; c < cols; c++, xi += xs1, oi += os1) v[oi] = f(v[xi]);
    }
  };
}

function binary(suffix: Suffix, f: (a: number, b: number) => number) {
  return (
    rows: number,
    cols: number,
    a: number,
    as0: number,
    as1: number,
    b: number,
    bs0: number,
    bs1: number,
    out: number,
    os0: number,
    os1: number,
  ) => {
    const v = view(suffix);
    const size = SIZE[suffix];
    for (let r = 0; r < rows; r++) {
      let ai = a / size + r * as0;
      let bi = b / size + r * bs0;
      let oi = out / size + r * os0;
      for (let c = 0; c < cols; c++, ai += as1, bi += bs1, oi += os1) v[oi] = f(v[ai], v[bi]);
    }
  };
}

/** NumPy's pairwise_sum over n elements given by get(i), with each add rounded by round. */
function pairwise(
  n: number,
  get: (i: number) => number,
  start: number,
  round: (x: number) => number,
): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = round(res + get(start + i));
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => get(start + j));
    let i = 8;
    for (; i < n - (n % 8); i += 8)
      for (let j = 0; j < 8; j++) r[j] = round(r[j] + get(start + i + j));
    let res = round(
      round(round(r[0] + r[1]) + round(r[2] + r[3])) +
        round(round(r[4] + r[5]) + round(r[6] + r[7])),
    );
    for (; i < n; i++) res = round(res + get(start + i));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return round(pairwise(n2, get, start, round) + pairwise(n - n2, get, start + n2, round));
}

/** One summed element from x and y; `round` rounds an intermediate result to the row's type. */
type Transform = (x: number, y: number, round: (v: number) => number) => number;

function sumRows(suffix: 'f64' | 'f32', transform: Transform, twoInputs: boolean) {
  const round = rounder(suffix);
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
    for (let r = 0; r < n; r++) {
      const xb = x / size + r * xs0;
      const yb = y / size + r * ys0;
      const s = pairwise(
        cols,
        (i) => round(transform(v[xb + i * xs1], twoInputs ? v[yb + i * ys1] : 0, round)),
        0,
        round,
      );
      const o = out / size + r * os;
      v[o] = round((accumulate ? v[o] : 0) + s);
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

function argmaxRows(suffix: Suffix) {
  const size = SIZE[suffix];
  return (
    rows: number,
    cols: number,
    x: number,
    xs0: number,
    xs1: number,
    out: number,
    os: number,
  ) => {
    const v = view(suffix);
    const indices = heap().i32;
    for (let r = 0; r < rows; r++) {
      const xb = x / size + r * xs0;
      let best = v[xb];
      let index = 0;
      if (best === best) {
        for (let c = 1; c < cols; c++) {
          const value = v[xb + c * xs1];
          if (!(value <= best)) {
            best = value;
            index = c;
            if (value !== value) break;
          }
        }
      }
      indices[out / 4 + r * os] = index;
    }
  };
}

function dot(suffix: 'f64' | 'f32' | 'i32') {
  const size = SIZE[suffix];
  const round = suffix === 'i32' ? (x: number) => x | 0 : rounder(suffix);
  const mul = suffix === 'i32' ? Math.imul : (a: number, b: number) => round(a * b);
  return (n: number, x: number, sx: number, y: number, sy: number): number => {
    const v = view(suffix);
    let s = 0;
    for (let i = 0, xi = x / size, yi = y / size; i < n; i++, xi += sx, yi += sy)
      s = round(s + mul(v[xi], v[yi]));
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

type RowFn = (row: number[], round: (x: number) => number) => number[];

/** A row kernel (rows, cols, x, xs0, xs1, out) with out contiguous, from a function of one row. */
function rowKernel(suffix: 'f64' | 'f32', fn: RowFn) {
  const size = SIZE[suffix];
  const round = rounder(suffix);
  return (rows: number, cols: number, x: number, xs0: number, xs1: number, out: number) => {
    const v = view(suffix);
    for (let r = 0; r < rows; r++) {
      const row = Array.from({ length: cols }, (_, i) => v[x / size + r * xs0 + i * xs1]);
      v.set(fn(row, round), out / size + r * cols);
    }
  };
}

function rowMax(row: number[]): number {
  return row.reduce((m, v) => (m > v || m !== m ? m : v));
}

const softmaxRow: RowFn = (row, round) => {
  const m = rowMax(row);
  const e = row.map((v) => round(Math.exp(round(v - m))));
  const s = round(0 + pairwise(e.length, (i) => e[i], 0, round));
  return e.map((v) => round(v / s));
};

const logSoftmaxRow: RowFn = (row, round) => {
  let m = rowMax(row);
  if (!Number.isFinite(m)) m = 0;
  const e = row.map((v) => round(Math.exp(round(v - m))));
  const logSum = round(Math.log(round(0 + pairwise(e.length, (i) => e[i], 0, round))));
  return row.map((v) => round(round(v - m) - logSum));
};

const normalizeRow: RowFn = (row, round) => {
  const norm = round(
    Math.sqrt(round(0 + pairwise(row.length, (i) => round(row[i] * row[i]), 0, round))),
  );
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
    [`sum_${s}`]: sumRows(s, (x) => x, false),
    [`sumsq_${s}`]: sumRows(s, (x) => x * x, false),
    [`sumabs_${s}`]: sumRows(s, Math.abs, false),
    [`sumabsdiff_${s}`]: sumRows(s, (x, y, round) => Math.abs(round(x - y)), true),
    [`sumsqdiff_${s}`]: sumRows(
      s,
      (x, y, round) => {
        const d = round(x - y);
        return d * d;
      },
      true,
    ),
    [`max_${s}`]: extremeRows(s, true),
    [`min_${s}`]: extremeRows(s, false),
    [`argmax_${s}`]: argmaxRows(s),
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
  argmax_i32: argmaxRows('i32'),
  dot_i32: dot('i32'),
  matmul_i32: matmul('i32'),
  // bool (stored as bytes): NumPy's logical forms of the arithmetic ufuncs.
  add_u8: binary('u8', (a, b) => a | b),
  multiply_u8: binary('u8', (a, b) => a & b),
  maximum_u8: binary('u8', (a, b) => a | b),
  minimum_u8: binary('u8', (a, b) => a & b),
  abs_u8: unary('u8', (x) => x),
  max_u8: extremeRows('u8', true),
  min_u8: extremeRows('u8', false),
});
