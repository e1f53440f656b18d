// dot (two strided vectors) and matmul (C = A B, C contiguous) for float64, float32, int32.
import { at, madd32, madd64 } from './common';
import { PACK_BYTES, PACKED_B_AT, scratch } from './scratch';

// @ts-ignore: decorator
@inline
function vadd<T>(a: v128, b: v128): v128 {
  if (isInteger<T>()) return i32x4.add(a, b);
  return sizeof<T>() == 8 ? f64x2.add(a, b) : f32x4.add(a, b);
}

/** a * b + c (fused for floats in the relaxed-SIMD build). */
// @ts-ignore: decorator
@inline
function vmadd<T>(a: v128, b: v128, c: v128): v128 {
  if (isInteger<T>()) return i32x4.add(i32x4.mul(a, b), c);
  return sizeof<T>() == 8 ? madd64(a, b, c) : madd32(a, b, c);
}

// @ts-ignore: decorator
@inline
function vsplat<T>(p: usize): v128 {
  return sizeof<T>() == 8 ? v128.load64_splat(p) : v128.load32_splat(p);
}

// @ts-ignore: decorator
@inline
function laneSum<T>(v: v128): T {
  if (sizeof<T>() == 8) return <T>(f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1));
  if (isInteger<T>()) {
    return <T>(i32x4.extract_lane(v, 0) + i32x4.extract_lane(v, 1) + (i32x4.extract_lane(v, 2) + i32x4.extract_lane(v, 3)));
  }
  return <T>((f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3)));
}

/**
 * Sum of x[i] * y[i]: eight v128 accumulators (the adds of one wait on its previous add; eight
 * keep the adder busy), multiply-adds fused in the relaxed-SIMD build, combined pairwise, then
 * the tail.
 */
// @ts-ignore: decorator
@inline
function dot<T>(n: i32, x: usize, sx: isize, y: usize, sy: isize): T {
  let i = 0;
  let res: T = <T>0;
  if (ASC_FEATURE_SIMD && sx == 1 && sy == 1) {
    const lanes = 16 / sizeof<T>();
    let a0 = i64x2.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    let a4 = a0;
    let a5 = a0;
    let a6 = a0;
    let a7 = a0;
    for (; i + 8 * lanes <= n; i += 8 * lanes) {
      const p = <usize>i * sizeof<T>();
      a0 = vmadd<T>(v128.load(x + p), v128.load(y + p), a0);
      a1 = vmadd<T>(v128.load(x + p, 16), v128.load(y + p, 16), a1);
      a2 = vmadd<T>(v128.load(x + p, 32), v128.load(y + p, 32), a2);
      a3 = vmadd<T>(v128.load(x + p, 48), v128.load(y + p, 48), a3);
      a4 = vmadd<T>(v128.load(x + p, 64), v128.load(y + p, 64), a4);
      a5 = vmadd<T>(v128.load(x + p, 80), v128.load(y + p, 80), a5);
      a6 = vmadd<T>(v128.load(x + p, 96), v128.load(y + p, 96), a6);
      a7 = vmadd<T>(v128.load(x + p, 112), v128.load(y + p, 112), a7);
    }
    for (; i + lanes <= n; i += lanes) {
      const p = <usize>i * sizeof<T>();
      a0 = vmadd<T>(v128.load(x + p), v128.load(y + p), a0);
    }
    const low = vadd<T>(vadd<T>(a0, a1), vadd<T>(a2, a3));
    const high = vadd<T>(vadd<T>(a4, a5), vadd<T>(a6, a7));
    res = laneSum<T>(vadd<T>(low, high));
  } else {
    let r0: T = <T>0;
    let r1: T = <T>0;
    let r2: T = <T>0;
    let r3: T = <T>0;
    for (; i + 4 <= n; i += 4) {
      r0 += load<T>(at<T>(x, i, sx)) * load<T>(at<T>(y, i, sy));
      r1 += load<T>(at<T>(x, i + 1, sx)) * load<T>(at<T>(y, i + 1, sy));
      r2 += load<T>(at<T>(x, i + 2, sx)) * load<T>(at<T>(y, i + 2, sy));
      r3 += load<T>(at<T>(x, i + 3, sx)) * load<T>(at<T>(y, i + 3, sy));
    }
    res = (r0 + r1) + (r2 + r3);
  }
  for (; i < n; i++) res += load<T>(at<T>(x, i, sx)) * load<T>(at<T>(y, i, sy));
  return res;
}

/**
 * The 1-D dot of more than this many elements is the sum of its two halves' dots (the first
 * n/2 rounded down to a multiple of 32, and the rest), recursively: a tree that depends only on
 * n, so that threads can sum its subtrees apart and add them as it does (src/threads/split.ts),
 * giving the bits of one call. (Its leaves also make a long float32 dot more accurate.)
 */
const DOT_LEAF = 4096;

/** DOT_LEAF, for the threads' split of a dot. */
export function dotLeaf(): i32 {
  return DOT_LEAF;
}

/** The dot of the tree above: each leaf by dot, the halves added in T's arithmetic. */
function dotTree<T>(n: i32, x: usize, sx: isize, y: usize, sy: isize): T {
  if (n <= DOT_LEAF) return dot<T>(n, x, sx, y, sy);
  const half = (n >> 1) & ~31;
  const low = dotTree<T>(half, x, sx, y, sy);
  return <T>(low + dotTree<T>(n - half, at<T>(x, half, sx), sx, at<T>(y, half, sy), sy));
}

export function dot_f64(n: i32, x: usize, sx: isize, y: usize, sy: isize): f64 {
  return dotTree<f64>(n, x, sx, y, sy);
}
export function dot_f32(n: i32, x: usize, sx: isize, y: usize, sy: isize): f32 {
  return dotTree<f32>(n, x, sx, y, sy);
}
/** dot_f64 written to `out`: a part of a dot split over threads (workers' results stay in memory). */
export function dotInto_f64(n: i32, x: usize, sx: isize, y: usize, sy: isize, out: usize): void {
  store<f64>(out, dotTree<f64>(n, x, sx, y, sy));
}
/** dot_f32 written to `out`. */
export function dotInto_f32(n: i32, x: usize, sx: isize, y: usize, sy: isize, out: usize): void {
  store<f32>(out, dotTree<f32>(n, x, sx, y, sy));
}
export function dot_i32(n: i32, x: usize, sx: isize, y: usize, sy: isize): i32 {
  return dot<i32>(n, x, sx, y, sy);
}

// matmul's packed strip of B: up to PACK_DEPTH rows of two vectors of columns, contiguous, so
// that the inner loop reads B at unit stride (B's own rows are often 2^k bytes apart, and a column
// walk over them would use only a few of L1's sets).
const PACK_DEPTH = <i32>PACK_BYTES / 32;

/** Products of at most this many rows read B's rows in place: packing a strip would not pay. */
const DIRECT_ROWS = 16;

/**
 * out (m x n, contiguous) = A (m x k) B (k x n). With SIMD, B is copied strip by strip (two
 * vectors of columns, PACK_DEPTH rows at a time) into the packed strip (scratch.ts), and 4-row by 2-vector register
 * blocks of out accumulate over it; a strip deeper than PACK_DEPTH carries each block over in out,
 * so every element is summed over k in order, whatever the blocking. The last n % (2 vectors)
 * columns (and every column without SIMD) go element by element through dot.
 *
 * A training loop's products are small, and there a copy of B costs more than it saves: with at
 * most DIRECT_ROWS rows and B's rows contiguous, the blocks read B in place, and the last m % 4
 * rows go through axpyRows (the same sums in the same order, so the result does not depend on
 * the path).
 */
// @ts-ignore: decorator
@inline
function matmul<T>(m: i32, k: i32, n: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize): void {
  let j0 = 0;
  if (ASC_FEATURE_SIMD && bs1 == 1 && k >= 1 && (k <= AXPY_DEPTH || m < 4)) {
    j0 = axpyRows<T>(0, m, k, n, a, as0, as1, b, bs0, out);
  } else if (ASC_FEATURE_SIMD) {
    const w = <isize>sizeof<T>();
    const stripWidth = 32 / sizeof<T>();
    const rowBytes = <usize>n * sizeof<T>();
    const direct = bs1 == 1 && m <= DIRECT_ROWS;
    const stripDepth = direct ? k : PACK_DEPTH;
    for (; j0 + stripWidth <= n; j0 += stripWidth) {
      let p0 = 0;
      do {
        const depth = min(stripDepth, k - p0);
        const strip = at<T>(at<T>(b, p0, bs0), j0, bs1);
        if (!direct) packStrip<T>(depth, strip, bs0, bs1);
        const bRows = direct ? strip : scratch(PACKED_B_AT);
        const bStep = direct ? <usize>(bs0 * w) : 32;
        const aColumn = at<T>(a, p0, as1);
        const o = at<T>(out, j0, 1);
        const fresh = p0 == 0;
        let i = 0;
        for (; i + 4 <= m; i += 4) {
          block4<T>(depth, at<T>(aColumn, i, as0), as0 * w, as1 * w, bRows, bStep, o + <usize>i * rowBytes, rowBytes, fresh);
        }
        if (!direct) {
          for (; i < m; i++) block1<T>(depth, at<T>(aColumn, i, as0), as1 * w, bRows, bStep, o + <usize>i * rowBytes, fresh);
        }
        p0 += stripDepth;
      } while (p0 < k);
    }
    if (direct) axpyRows<T>(m - m % 4, m, k, n, a, as0, as1, b, bs0, out);
  }
  if (ASC_FEATURE_SIMD && n == 1 && as1 == 1 && bs0 == 1) {
    // A matrix-vector product (BLAS's gemv case). Only there: the columns left over from the
    // strips keep dot's order, as they always have (the planar lesson's dW1 = dZ1 X.T, two such
    // columns, reaches NumPy's 90.75 % with it).
    matvec<T>(m, k, a, as0, b, out);
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let j = j0; j < n; j++) {
      store<T>(at<T>(out, i * n + j, 1), dot<T>(k, at<T>(a, i, as0), as1, at<T>(b, j, bs1), bs0));
    }
  }
}

/**
 * out (m x 1) = A (m x k, rows contiguous, as0 apart) times a contiguous vector x: four rows at a
 * time share each vector of x (dot would load it once per row). Eight rows, or two accumulators
 * per row, were no faster here (it is bound by reading A; with eight rows V8 spills). Each element
 * is summed the same way whichever rows it is grouped with: lane by lane over the vectors of k,
 * the lanes added, then the last k % lanes products in order.
 */
// @ts-ignore: decorator
@inline
function matvec<T>(m: i32, k: i32, a: usize, as0: isize, x: usize, out: usize): void {
  const lanes = 16 / <i32>sizeof<T>();
  const bytes = <usize>(k - k % lanes) * sizeof<T>();
  const rowBytes = <usize>(as0 * <isize>sizeof<T>());
  const zero = i64x2.splat(0);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = at<T>(a, i, as0);
    const a1 = a0 + rowBytes;
    const a2 = a1 + rowBytes;
    const a3 = a2 + rowBytes;
    let c0 = zero;
    let c1 = zero;
    let c2 = zero;
    let c3 = zero;
    for (let q: usize = 0; q < bytes; q += 16) {
      const v = v128.load(x + q);
      c0 = vmadd<T>(v128.load(a0 + q), v, c0);
      c1 = vmadd<T>(v128.load(a1 + q), v, c1);
      c2 = vmadd<T>(v128.load(a2 + q), v, c2);
      c3 = vmadd<T>(v128.load(a3 + q), v, c3);
    }
    const to = at<T>(out, i, 1);
    store<T>(to, matvecTail<T>(c0, k, a0, x));
    store<T>(to, matvecTail<T>(c1, k, a1, x), sizeof<T>());
    store<T>(to, matvecTail<T>(c2, k, a2, x), 2 * sizeof<T>());
    store<T>(to, matvecTail<T>(c3, k, a3, x), 3 * sizeof<T>());
  }
  for (; i < m; i++) {
    const a0 = at<T>(a, i, as0);
    let c0 = zero;
    for (let q: usize = 0; q < bytes; q += 16) c0 = vmadd<T>(v128.load(a0 + q), v128.load(x + q), c0);
    store<T>(at<T>(out, i, 1), matvecTail<T>(c0, k, a0, x));
  }
}

/** A row's lanes added, plus the products of its last k % lanes elements and x's, in order. */
// @ts-ignore: decorator
@inline
function matvecTail<T>(lanes: v128, k: i32, row: usize, x: usize): T {
  let s = laneSum<T>(lanes);
  for (let p = k - k % (16 / <i32>sizeof<T>()); p < k; p++) s += load<T>(at<T>(row, p, 1)) * load<T>(at<T>(x, p, 1));
  return s;
}


/** Products at most this deep (a hidden layer's W1 X), and at least 1, go row by row through axpyRows (as do those of fewer than four rows). */
const AXPY_DEPTH = 8;

/**
 * out = A B with B's rows contiguous, row by row: each row of out is built in place as
 * a[i][0] B[0] + a[i][1] B[1] + ..., over whole rows of B, four rows of B per pass (one load and
 * one store of out for four multiply-adds), two vectors at a time. B is read as it lies, row after
 * row, where a register block would walk it strip by strip n elements apart. Used for a shallow
 * product (a register block would spend more on its set-up than on its k multiply-adds) and for
 * a product of fewer than four rows (a row vector times a matrix, as w.T X), where nothing
 * reuses a strip of B. Each element is summed from zero over k in order, as the blocks sum it.
 * Rows [from, m) only; returns the first column it did not do (the last n % (2 vectors) columns
 * are left to dot).
 */
// @ts-ignore: decorator
@inline
function axpyRows<T>(from: i32, m: i32, k: i32, n: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, out: usize): i32 {
  const stripWidth = 32 / <i32>sizeof<T>();
  const end = n - n % stripWidth;
  const rowBytes = <usize>n * sizeof<T>();
  const bRowBytes = <usize>(bs0 * <isize>sizeof<T>());
  const aStep = <usize>(as1 * <isize>sizeof<T>());
  for (let i = from; i < m; i++) {
    const o = out + <usize>i * rowBytes;
    let pa = at<T>(a, i, as0);
    let bRow = b;
    let p = 0;
    if (k == 0) memory.fill(o, 0, <usize>end * sizeof<T>()); // an empty sum is zero
    for (; p + 4 <= k; p += 4, pa += 4 * aStep, bRow += 4 * bRowBytes) {
      axpyPass4<T>(end, pa, aStep, bRow, bRowBytes, o, p == 0);
    }
    for (; p < k; p++, pa += aStep, bRow += bRowBytes) axpyPass1<T>(end, pa, bRow, o, p == 0);
  }
  return end;
}

/** Elements [0, end) of a row of out (from zero when fresh) += four rows of B times a[0..3]. */
// @ts-ignore: decorator
@inline
function axpyPass4<T>(end: i32, a: usize, aStep: usize, b: usize, bRowBytes: usize, o: usize, fresh: bool): void {
  const x0 = vsplat<T>(a);
  const x1 = vsplat<T>(a + aStep);
  const x2 = vsplat<T>(a + 2 * aStep);
  const x3 = vsplat<T>(a + 3 * aStep);
  const b1 = b + bRowBytes;
  const b2 = b1 + bRowBytes;
  const b3 = b2 + bRowBytes;
  const bytes = <usize>end * sizeof<T>();
  if (fresh) {
    const zero = i64x2.splat(0);
    for (let q: usize = 0; q < bytes; q += 32) {
      v128.store(o + q, vmadd<T>(x3, v128.load(b3 + q), vmadd<T>(x2, v128.load(b2 + q), vmadd<T>(x1, v128.load(b1 + q), vmadd<T>(x0, v128.load(b + q), zero)))));
      v128.store(o + q, vmadd<T>(x3, v128.load(b3 + q, 16), vmadd<T>(x2, v128.load(b2 + q, 16), vmadd<T>(x1, v128.load(b1 + q, 16), vmadd<T>(x0, v128.load(b + q, 16), zero)))), 16);
    }
    return;
  }
  for (let q: usize = 0; q < bytes; q += 32) {
    v128.store(o + q, vmadd<T>(x3, v128.load(b3 + q), vmadd<T>(x2, v128.load(b2 + q), vmadd<T>(x1, v128.load(b1 + q), vmadd<T>(x0, v128.load(b + q), v128.load(o + q))))));
    v128.store(o + q, vmadd<T>(x3, v128.load(b3 + q, 16), vmadd<T>(x2, v128.load(b2 + q, 16), vmadd<T>(x1, v128.load(b1 + q, 16), vmadd<T>(x0, v128.load(b + q, 16), v128.load(o + q, 16))))), 16);
  }
}

/** axpyPass4 for one row of B. */
// @ts-ignore: decorator
@inline
function axpyPass1<T>(end: i32, a: usize, b: usize, o: usize, fresh: bool): void {
  const x = vsplat<T>(a);
  const bytes = <usize>end * sizeof<T>();
  if (fresh) {
    const zero = i64x2.splat(0);
    for (let q: usize = 0; q < bytes; q += 32) {
      v128.store(o + q, vmadd<T>(x, v128.load(b + q), zero));
      v128.store(o + q, vmadd<T>(x, v128.load(b + q, 16), zero), 16);
    }
    return;
  }
  for (let q: usize = 0; q < bytes; q += 32) {
    v128.store(o + q, vmadd<T>(x, v128.load(b + q), v128.load(o + q)));
    v128.store(o + q, vmadd<T>(x, v128.load(b + q, 16), v128.load(o + q, 16)), 16);
  }
}

/** Copies rows [0, depth) of a strip of B (two vectors of columns) into the packed strip (scratch.ts). */
// @ts-ignore: decorator
@inline
function packStrip<T>(depth: i32, b: usize, bs0: isize, bs1: isize): void {
  const packed = scratch(PACKED_B_AT);
  const rowStep = <usize>(bs0 * sizeof<T>());
  if (bs1 == 1) {
    for (let p = 0; p < depth; p++) {
      const row = b + <usize>p * rowStep;
      const to = packed + (<usize>p << 5);
      v128.store(to, v128.load(row));
      v128.store(to, v128.load(row, 16), 16);
    }
    return;
  }
  if (sizeof<T>() == 8 && bs0 == 1) {
    // B's columns are contiguous (B is a transposed view, as in dZ A.T): two rows of the strip
    // at a time from one vector load per column, transposed in registers.
    const columnStep = <usize>(bs1 << 3);
    let p = 0;
    for (; p + 2 <= depth; p += 2) {
      const column = b + (<usize>p << 3);
      const c0 = v128.load(column);
      const c1 = v128.load(column + columnStep);
      const c2 = v128.load(column + 2 * columnStep);
      const c3 = v128.load(column + 3 * columnStep);
      const to = packed + (<usize>p << 5);
      v128.store(to, v128.shuffle<i64>(c0, c1, 0, 2));
      v128.store(to, v128.shuffle<i64>(c2, c3, 0, 2), 16);
      v128.store(to, v128.shuffle<i64>(c0, c1, 1, 3), 32);
      v128.store(to, v128.shuffle<i64>(c2, c3, 1, 3), 48);
    }
    if (p < depth) packStripRow<T>(p, b, bs0, bs1);
    return;
  }
  for (let p = 0; p < depth; p++) packStripRow<T>(p, b, bs0, bs1);
}

/** Copies row p of a strip of B (any strides) into the packed strip (scratch.ts), element by element. */
// @ts-ignore: decorator
@inline
function packStripRow<T>(p: i32, b: usize, bs0: isize, bs1: isize): void {
  const row = b + <usize>(<isize>p * bs0 * sizeof<T>());
  const stripWidth = 32 / sizeof<T>();
  const packed = scratch(PACKED_B_AT);
  for (let c = 0; c < stripWidth; c++) {
    store<T>(packed + (<usize>p << 5) + <usize>c * sizeof<T>(), load<T>(at<T>(row, c, bs1)));
  }
}

/**
 * A 4 x (2 vectors) block of out += A's four rows (from a, rows aRow bytes apart, elements aStep
 * apart) times a strip of B (depth rows of two vectors from b, bStep bytes apart: the packed strip or B
 * itself); out's block starts at o, its rows rowBytes apart. A fresh block starts from zero
 * instead of out.
 */
// @ts-ignore: decorator
@inline
function block4<T>(depth: i32, a: usize, aRow: isize, aStep: isize, b: usize, bStep: usize, o: usize, rowBytes: usize, fresh: bool): void {
  const zero = i64x2.splat(0);
  let c00 = fresh ? zero : v128.load(o);
  let c01 = fresh ? zero : v128.load(o, 16);
  let c10 = fresh ? zero : v128.load(o + rowBytes);
  let c11 = fresh ? zero : v128.load(o + rowBytes, 16);
  let c20 = fresh ? zero : v128.load(o + 2 * rowBytes);
  let c21 = fresh ? zero : v128.load(o + 2 * rowBytes, 16);
  let c30 = fresh ? zero : v128.load(o + 3 * rowBytes);
  let c31 = fresh ? zero : v128.load(o + 3 * rowBytes, 16);
  const a1 = <usize>aRow;
  const a2 = <usize>(2 * aRow);
  const a3 = <usize>(3 * aRow);
  let pa = a;
  let pb = b;
  for (let p = 0; p < depth; p++, pb += bStep) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const x0 = vsplat<T>(pa);
    const x1 = vsplat<T>(pa + a1);
    const x2 = vsplat<T>(pa + a2);
    const x3 = vsplat<T>(pa + a3);
    c00 = vmadd<T>(x0, b0, c00);
    c01 = vmadd<T>(x0, b1, c01);
    c10 = vmadd<T>(x1, b0, c10);
    c11 = vmadd<T>(x1, b1, c11);
    c20 = vmadd<T>(x2, b0, c20);
    c21 = vmadd<T>(x2, b1, c21);
    c30 = vmadd<T>(x3, b0, c30);
    c31 = vmadd<T>(x3, b1, c31);
    pa += <usize>aStep;
  }
  v128.store(o, c00);
  v128.store(o, c01, 16);
  v128.store(o + rowBytes, c10);
  v128.store(o + rowBytes, c11, 16);
  v128.store(o + 2 * rowBytes, c20);
  v128.store(o + 2 * rowBytes, c21, 16);
  v128.store(o + 3 * rowBytes, c30);
  v128.store(o + 3 * rowBytes, c31, 16);
}

/** block4 for one row (the last m % 4 rows), in the same order. */
// @ts-ignore: decorator
@inline
function block1<T>(depth: i32, a: usize, aStep: isize, b: usize, bStep: usize, o: usize, fresh: bool): void {
  const zero = i64x2.splat(0);
  let c0 = fresh ? zero : v128.load(o);
  let c1 = fresh ? zero : v128.load(o, 16);
  let pa = a;
  let pb = b;
  for (let p = 0; p < depth; p++, pb += bStep) {
    const x = vsplat<T>(pa);
    c0 = vmadd<T>(x, v128.load(pb), c0);
    c1 = vmadd<T>(x, v128.load(pb, 16), c1);
    pa += <usize>aStep;
  }
  v128.store(o, c0);
  v128.store(o, c1, 16);
}

export function matmul_f64(m: i32, k: i32, n: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize): void {
  matmul<f64>(m, k, n, a, as0, as1, b, bs0, bs1, out);
}
export function matmul_f32(m: i32, k: i32, n: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize): void {
  matmul<f32>(m, k, n, a, as0, as1, b, bs0, bs1, out);
}
export function matmul_i32(m: i32, k: i32, n: i32, a: usize, as0: isize, as1: isize, b: usize, bs0: isize, bs1: isize, out: usize): void {
  matmul<i32>(m, k, n, a, as0, as1, b, bs0, bs1, out);
}
