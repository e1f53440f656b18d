// Reductions along rows: NumPy's pairwise sum (also fused with square, abs, and the difference
// of two inputs, for norms and losses), max and min with NaN propagation, argmax.
// Row kernels take (rows, cols, x, xs0, xs1, ..., out, os, accumulate): out[r] is set to the
// reduction of row r, or combined with what it holds when accumulate is 1 (NumPy's order for
// reductions over several axes: each row reduced, rows accumulated in index order).
import { at } from './common';
import { MAP_ABS, MAP_DIFF_ABS, MAP_DIFF_SQUARE, MAP_IDENTITY, MAP_SQUARE, pairwise } from './pairwise';

// @ts-ignore: decorator
@inline
function sumRows<T>(op: i32, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  const callBytes = <usize>rows * <usize>cols * sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const s = pairwise<T>(op, cols, at<T>(x, r, xs0), xs1, at<T>(y, r, ys0), ys1, callBytes);
    const o = at<T>(out, r, os);
    // Starting from +0.0 (NumPy's identity) turns a lone -0.0 into +0.0, as NumPy does.
    store<T>(o, (accumulate ? load<T>(o) : <T>0) + s);
  }
}

export function sum_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(MAP_IDENTITY, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sum_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(MAP_IDENTITY, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumsq_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(MAP_SQUARE, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumsq_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(MAP_SQUARE, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabs_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(MAP_ABS, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabs_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(MAP_ABS, rows, cols, x, xs0, xs1, 0, 0, 0, out, os, accumulate);
}
export function sumabsdiff_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(MAP_DIFF_ABS, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumabsdiff_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(MAP_DIFF_ABS, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumsqdiff_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f64>(MAP_DIFF_SQUARE, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}
export function sumsqdiff_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, y: usize, ys0: isize, ys1: isize, out: usize, os: isize, accumulate: i32): void {
  sumRows<f32>(MAP_DIFF_SQUARE, rows, cols, x, xs0, xs1, y, ys0, ys1, out, os, accumulate);
}

// ---------------------------------------------------------------- max, min, argmax

/** NumPy's maximum / minimum: ties give the later element, NaN propagates. */
// @ts-ignore: decorator
@inline
function pick<T>(isMax: bool, acc: T, x: T): T {
  if (isMax) return acc > x || acc != acc ? acc : x;
  return acc < x || acc != acc ? acc : x;
}

// @ts-ignore: decorator
@inline
function extremeRows<T>(isMax: bool, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const o = at<T>(out, r, os);
    let acc: T = accumulate ? load<T>(o) : load<T>(xr);
    for (let c = accumulate ? 0 : 1; c < cols; c++) acc = pick<T>(isMax, acc, load<T>(at<T>(xr, c, xs1)));
    store<T>(o, acc);
  }
}

export function max_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f64>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function max_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f32>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function max_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<i32>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f64>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<f32>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<i32>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}

/** NumPy's argmax (isMax) or argmin: the first extreme; the first NaN wins. Indices go to an int32 row. */
// @ts-ignore: decorator
@inline
function argExtremeRows<T>(isMax: bool, rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    let best = load<T>(xr);
    let index = 0;
    if (best == best) {
      for (let c = 1; c < cols; c++) {
        const v = load<T>(at<T>(xr, c, xs1));
        if (isMax ? !(v <= best) : !(v >= best)) {
          best = v;
          index = c;
          if (v != v) break;
        }
      }
    }
    store<i32>(at<i32>(out, r, os), index);
  }
}

export function argmax_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<f64>(true, rows, cols, x, xs0, xs1, out, os);
}
export function argmax_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<f32>(true, rows, cols, x, xs0, xs1, out, os);
}
export function argmax_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<i32>(true, rows, cols, x, xs0, xs1, out, os);
}
export function max_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<u8>(true, rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function min_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  extremeRows<u8>(false, rows, cols, x, xs0, xs1, out, os, accumulate);
}

export function argmin_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<f64>(false, rows, cols, x, xs0, xs1, out, os);
}
export function argmin_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<f32>(false, rows, cols, x, xs0, xs1, out, os);
}
export function argmin_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize): void {
  argExtremeRows<i32>(false, rows, cols, x, xs0, xs1, out, os);
}

// ---------------------------------------------------------------- prod, cumsum

/** NumPy's multiply.reduce: a plain loop in index order (no pairwise tree, unlike add). */
// @ts-ignore: decorator
@inline
function prodRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const o = at<T>(out, r, os);
    let acc: T = accumulate ? load<T>(o) : load<T>(xr);
    for (let c = accumulate ? 0 : 1; c < cols; c++) acc *= load<T>(at<T>(xr, c, xs1));
    store<T>(o, acc);
  }
}

export function prod_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  prodRows<f64>(rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function prod_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  prodRows<f32>(rows, cols, x, xs0, xs1, out, os, accumulate);
}
export function prod_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os: isize, accumulate: i32): void {
  prodRows<i32>(rows, cols, x, xs0, xs1, out, os, accumulate);
}

/** NumPy's add.accumulate along each row: out[0] = x[0], then running sums in index order. */
// @ts-ignore: decorator
@inline
function cumsumRows<T>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  if (cols == 0) return;
  for (let r = 0; r < rows; r++) {
    const xr = at<T>(x, r, xs0);
    const or = at<T>(out, r, os0);
    let acc = load<T>(xr);
    store<T>(or, acc);
    for (let c = 1; c < cols; c++) {
      acc += load<T>(at<T>(xr, c, xs1));
      store<T>(at<T>(or, c, os1), acc);
    }
  }
}

export function cumsum_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cumsumRows<f64>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cumsum_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cumsumRows<f32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cumsum_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cumsumRows<i32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
