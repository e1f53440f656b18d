// The strided copy/cast kernel behind astype, x.set(...), concatenate, stack and fancy indexing:
// cast_<from>_<to>(rows, cols, x, xs0, xs1, out, os0, os1) converts each element as NumPy's C
// casts do. A source stride of 0 broadcasts (one value fills the row); same-dtype contiguous rows
// are one memory.copy.
import { at } from './common';

/** One element of S as D, as NumPy casts it (x86's cvttsd2si for float to int32). */
// @ts-ignore: decorator
@inline
function convert<S, D>(x: S): D {
  if (isInteger<D>() && sizeof<D>() == 1) return <D>(x != <S>0 ? 1 : 0); // bool: NaN is true
  if (isInteger<S>() && sizeof<S>() == 1) return <D>x; // from bool: 0 or 1
  if (isFloat<S>() && isInteger<D>()) {
    // Out of range and NaN give INT32_MIN, as the cast NumPy compiles to.
    return <f64>x > -2147483649.0 && <f64>x < 2147483648.0 ? <D><i32><f64>x : <D>i32.MIN_VALUE;
  }
  return <D>x;
}

/** One row of n elements: a fill when the source is broadcast, SIMD where the types allow. */
// @ts-ignore: decorator
@inline
function castRow<S, D>(n: i32, x: usize, sx: isize, out: usize, so: isize): void {
  let i = 0;
  if (so == 1 && sx == 1 && sizeof<S>() == sizeof<D>() && isFloat<S>() == isFloat<D>()) {
    memory.copy(out, x, <usize>n * sizeof<D>());
    return;
  }
  if (so == 1 && sx == 0) {
    const value = convert<S, D>(load<S>(x));
    if (sizeof<D>() == 1) {
      memory.fill(out, <u8>value, <usize>n);
      return;
    }
    if (ASC_FEATURE_SIMD) {
      const lanes = 16 / sizeof<D>();
      const v = v128.splat<D>(value);
      for (; i + lanes <= n; i += lanes) v128.store(out + <usize>i * sizeof<D>(), v);
    }
    for (; i < n; i++) store<D>(at<D>(out, i, 1), value);
    return;
  }
  if (ASC_FEATURE_SIMD && so == 1 && sx == 1) {
    if (sizeof<S>() == 8 && isFloat<S>() && sizeof<D>() == 4 && isFloat<D>()) {
      for (; i + 4 <= n; i += 4) {
        const p = x + (<usize>i << 3);
        const lo = f32x4.demote_f64x2_zero(v128.load(p));
        const hi = f32x4.demote_f64x2_zero(v128.load(p, 16));
        v128.store(out + (<usize>i << 2), i32x4.shuffle(lo, hi, 0, 1, 4, 5));
      }
    } else if (sizeof<S>() == 4 && isFloat<S>() && sizeof<D>() == 8 && isFloat<D>()) {
      for (; i + 4 <= n; i += 4) {
        const v = v128.load(x + (<usize>i << 2));
        const q = out + (<usize>i << 3);
        v128.store(q, f64x2.promote_low_f32x4(v));
        v128.store(q, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3)), 16);
      }
    } else if (isInteger<S>() && sizeof<S>() == 4 && sizeof<D>() == 8 && isFloat<D>()) {
      for (; i + 4 <= n; i += 4) {
        const v = v128.load(x + (<usize>i << 2));
        const q = out + (<usize>i << 3);
        v128.store(q, f64x2.convert_low_i32x4_s(v));
        v128.store(q, f64x2.convert_low_i32x4_s(i32x4.shuffle(v, v, 2, 3, 2, 3)), 16);
      }
    }
  }
  for (; i < n; i++) store<D>(at<D>(out, i, so), convert<S, D>(load<S>(at<S>(x, i, sx))));
}

// @ts-ignore: decorator
@inline
function cast<S, D>(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  for (let r = 0; r < rows; r++) castRow<S, D>(cols, at<S>(x, r, xs0), xs1, at<D>(out, r, os0), os1);
}

export function cast_f64_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f64, f64>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f64_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f64, f32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f64_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f64, i32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f64_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f64, u8>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f32_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f32, f64>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f32_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f32, f32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f32_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f32, i32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_f32_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<f32, u8>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_i32_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<i32, f64>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_i32_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<i32, f32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_i32_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<i32, i32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_i32_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<i32, u8>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_u8_f64(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<u8, f64>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_u8_f32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<u8, f32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_u8_i32(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<u8, i32>(rows, cols, x, xs0, xs1, out, os0, os1);
}
export function cast_u8_u8(rows: i32, cols: i32, x: usize, xs0: isize, xs1: isize, out: usize, os0: isize, os1: isize): void {
  cast<u8, u8>(rows, cols, x, xs0, xs1, out, os0, os1);
}

// ---------------------------------------------------------------- gather and scatter

/** take_<dtype>(n, offsets, out): out[k] = the element at offsets[k] (int32 element offsets from address 0). */
// @ts-ignore: decorator
@inline
function take<T>(n: i32, offsets: usize, out: usize): void {
  for (let k = 0; k < n; k++) {
    const at = <usize>load<i32>(offsets + (<usize>k << 2)) * sizeof<T>();
    store<T>(out + <usize>k * sizeof<T>(), load<T>(at));
  }
}

/**
 * gather_<dtype>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out): out, in C order
 * over (o, k, i), = the element at outer[o] + starts[k] + inner[i] (three int32 lists of element
 * offsets; a gather's index positions between the axes before and after them). innerRun says
 * that inner is 0, 1, 2, ...: each position's block is copied whole.
 */
// @ts-ignore: decorator
@inline
function gather<T>(nOuter: i32, outer: usize, nStarts: i32, starts: usize, nInner: i32, inner: usize, innerRun: bool, out: usize): void {
  let to = out;
  for (let o = 0; o < nOuter; o++) {
    const outerAt = load<i32>(outer + (<usize>o << 2));
    if (nInner == 1) {
      // The common case (X[:, permutation], rows[permutation] of a 1-D array): one element per position.
      const first = outerAt + load<i32>(inner);
      for (let k = 0; k < nStarts; k++) {
        store<T>(to + (<usize>k * sizeof<T>()), load<T>(<usize>(first + load<i32>(starts + (<usize>k << 2))) * sizeof<T>()));
      }
      to += <usize>nStarts * sizeof<T>();
      continue;
    }
    for (let k = 0; k < nStarts; k++) {
      const base = outerAt + load<i32>(starts + (<usize>k << 2));
      if (innerRun) {
        // The block after the index axes is a contiguous run (rows[permutation]): one copy.
        const bytes = <usize>nInner * sizeof<T>();
        memory.copy(to, <usize>(base + load<i32>(inner)) * sizeof<T>(), bytes);
        to += bytes;
        continue;
      }
      for (let i = 0; i < nInner; i++) {
        store<T>(to, load<T>(<usize>(base + load<i32>(inner + (<usize>i << 2))) * sizeof<T>()));
        to += sizeof<T>();
      }
    }
  }
}

export function gather_f64(nOuter: i32, outer: usize, nStarts: i32, starts: usize, nInner: i32, inner: usize, innerRun: bool, out: usize): void {
  gather<f64>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out);
}
export function gather_f32(nOuter: i32, outer: usize, nStarts: i32, starts: usize, nInner: i32, inner: usize, innerRun: bool, out: usize): void {
  gather<f32>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out);
}
export function gather_i32(nOuter: i32, outer: usize, nStarts: i32, starts: usize, nInner: i32, inner: usize, innerRun: bool, out: usize): void {
  gather<i32>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out);
}
export function gather_u8(nOuter: i32, outer: usize, nStarts: i32, starts: usize, nInner: i32, inner: usize, innerRun: bool, out: usize): void {
  gather<u8>(nOuter, outer, nStarts, starts, nInner, inner, innerRun, out);
}

/** put_<dtype>(n, offsets, values, step): the element at offsets[k] = values[k * step] (step 0 broadcasts). */
// @ts-ignore: decorator
@inline
function put<T>(n: i32, offsets: usize, values: usize, step: isize): void {
  for (let k = 0; k < n; k++) {
    const at = <usize>load<i32>(offsets + (<usize>k << 2)) * sizeof<T>();
    store<T>(at, load<T>(values + <usize>(<isize>k * step * sizeof<T>())));
  }
}

export function take_f64(n: i32, offsets: usize, out: usize): void {
  take<f64>(n, offsets, out);
}
export function take_f32(n: i32, offsets: usize, out: usize): void {
  take<f32>(n, offsets, out);
}
export function take_i32(n: i32, offsets: usize, out: usize): void {
  take<i32>(n, offsets, out);
}
export function take_u8(n: i32, offsets: usize, out: usize): void {
  take<u8>(n, offsets, out);
}
export function put_f64(n: i32, offsets: usize, values: usize, step: isize): void {
  put<f64>(n, offsets, values, step);
}
export function put_f32(n: i32, offsets: usize, values: usize, step: isize): void {
  put<f32>(n, offsets, values, step);
}
export function put_i32(n: i32, offsets: usize, values: usize, step: isize): void {
  put<i32>(n, offsets, values, step);
}
export function put_u8(n: i32, offsets: usize, values: usize, step: isize): void {
  put<u8>(n, offsets, values, step);
}
