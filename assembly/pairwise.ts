// NumPy's pairwise summation, fused with an elementwise map of one or two inputs.
import { at } from './common';
import { PAIRWISE_AT, STACK_DEPTH, scratch } from './scratch';

// What each summed element is.
export const MAP_IDENTITY = 0; // x
export const MAP_SQUARE = 1; // x * x
export const MAP_ABS = 2; // |x|
export const MAP_DIFF_ABS = 3; // |x - y|
export const MAP_DIFF_SQUARE = 4; // (x - y)^2

// @ts-ignore: decorator
@inline
function fetch<T>(op: i32, x: usize, y: usize, i: isize, sx: isize, sy: isize): T {
  const a = load<T>(at<T>(x, i, sx));
  if (op == MAP_IDENTITY) return a;
  if (op == MAP_SQUARE) return a * a;
  if (op == MAP_ABS) return abs<T>(a);
  const d = a - load<T>(at<T>(y, i, sy));
  return op == MAP_DIFF_ABS ? abs<T>(d) : d * d;
}

// @ts-ignore: decorator
@inline
function fetchV<T>(op: i32, x: usize, y: usize, byteOffset: usize, absMask: v128): v128 {
  const a = v128.load(x + byteOffset);
  if (op == MAP_IDENTITY) return a;
  const wide = sizeof<T>() == 8;
  if (op == MAP_SQUARE) return wide ? f64x2.mul(a, a) : f32x4.mul(a, a);
  if (op == MAP_ABS) return v128.and(a, absMask);
  const b = v128.load(y + byteOffset);
  const d = wide ? f64x2.sub(a, b) : f32x4.sub(a, b);
  if (op == MAP_DIFF_ABS) return v128.and(d, absMask);
  return wide ? f64x2.mul(d, d) : f32x4.mul(d, d);
}

/** ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) of eight float64 accumulators held as four f64x2. */
// @ts-ignore: decorator
@inline
function combine8f64(v01: v128, v23: v128, v45: v128, v67: v128): f64 {
  const s1 = f64x2.add(i64x2.shuffle(v01, v23, 0, 2), i64x2.shuffle(v01, v23, 1, 3));
  const s2 = f64x2.add(i64x2.shuffle(v45, v67, 0, 2), i64x2.shuffle(v45, v67, 1, 3));
  const e = f64x2.add(i64x2.shuffle(s1, s2, 0, 2), i64x2.shuffle(s1, s2, 1, 3));
  return f64x2.extract_lane(e, 0) + f64x2.extract_lane(e, 1);
}

/** The same for float32 accumulators held as two f32x4: (r0..r3) and (r4..r7). */
// @ts-ignore: decorator
@inline
function combine8f32(v0: v128, v1: v128): f32 {
  // s = (r0+r1, r2+r3, r4+r5, r6+r7)
  const s = f32x4.add(i32x4.shuffle(v0, v1, 0, 2, 4, 6), i32x4.shuffle(v0, v1, 1, 3, 5, 7));
  // e = ((r0+r1)+(r2+r3), (r4+r5)+(r6+r7))
  const e = f32x4.add(i32x4.shuffle(s, s, 0, 2, 0, 2), i32x4.shuffle(s, s, 1, 3, 1, 3));
  return f32x4.extract_lane(e, 0) + f32x4.extract_lane(e, 1);
}

// @ts-ignore: decorator
@inline
function addV<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 8 ? f64x2.add(a, b) : f32x4.add(a, b);
}

/** The eight accumulators of a block (four vectors of float64, the first two of float32) summed in NumPy's order. */
// @ts-ignore: decorator
@inline
function combine8<T>(v0: v128, v1: v128, v2: v128, v3: v128): T {
  return sizeof<T>() == 8 ? <T>combine8f64(v0, v1, v2, v3) : <T>combine8f32(v0, v1);
}

/**
 * pairwise(left) + pairwise(right) for two adjacent contiguous leaves of 8 to 128 elements,
 * their loops interleaved: each accumulator's chain of dependent adds runs at the add latency,
 * so two leaves at once fill the gaps of one. The order within each leaf is NumPy's.
 */
// @ts-ignore: decorator
@inline
function leafPair<T>(op: i32, nLeft: isize, nRight: isize, x: usize, y: usize): T {
  const w = <usize>sizeof<T>();
  const absMask = w == 8 ? i64x2.splat(0x7fffffffffffffff) : i32x4.splat(0x7fffffff);
  const xr = x + <usize>nLeft * w;
  const yr = y + <usize>nLeft * w;
  const endLeft = nLeft - (nLeft % 8);
  const endRight = nRight - (nRight % 8);
  // Eight accumulators per leaf: four f64x2, or two f32x4 (the last two then stay unused).
  let l0 = fetchV<T>(op, x, y, 0, absMask);
  let l1 = fetchV<T>(op, x, y, 16, absMask);
  let l2 = w == 8 ? fetchV<T>(op, x, y, 32, absMask) : l0;
  let l3 = w == 8 ? fetchV<T>(op, x, y, 48, absMask) : l0;
  let r0 = fetchV<T>(op, xr, yr, 0, absMask);
  let r1 = fetchV<T>(op, xr, yr, 16, absMask);
  let r2 = w == 8 ? fetchV<T>(op, xr, yr, 32, absMask) : r0;
  let r3 = w == 8 ? fetchV<T>(op, xr, yr, 48, absMask) : r0;
  const common = min(endLeft, endRight);
  let i: isize = 8;
  for (; i < common; i += 8) {
    const p = <usize>i * w;
    l0 = addV<T>(l0, fetchV<T>(op, x, y, p, absMask));
    r0 = addV<T>(r0, fetchV<T>(op, xr, yr, p, absMask));
    l1 = addV<T>(l1, fetchV<T>(op, x, y, p + 16, absMask));
    r1 = addV<T>(r1, fetchV<T>(op, xr, yr, p + 16, absMask));
    if (w == 8) {
      l2 = addV<T>(l2, fetchV<T>(op, x, y, p + 32, absMask));
      r2 = addV<T>(r2, fetchV<T>(op, xr, yr, p + 32, absMask));
      l3 = addV<T>(l3, fetchV<T>(op, x, y, p + 48, absMask));
      r3 = addV<T>(r3, fetchV<T>(op, xr, yr, p + 48, absMask));
    }
  }
  for (let j = i; j < endLeft; j += 8) {
    const p = <usize>j * w;
    l0 = addV<T>(l0, fetchV<T>(op, x, y, p, absMask));
    l1 = addV<T>(l1, fetchV<T>(op, x, y, p + 16, absMask));
    if (w == 8) {
      l2 = addV<T>(l2, fetchV<T>(op, x, y, p + 32, absMask));
      l3 = addV<T>(l3, fetchV<T>(op, x, y, p + 48, absMask));
    }
  }
  for (let j = i; j < endRight; j += 8) {
    const p = <usize>j * w;
    r0 = addV<T>(r0, fetchV<T>(op, xr, yr, p, absMask));
    r1 = addV<T>(r1, fetchV<T>(op, xr, yr, p + 16, absMask));
    if (w == 8) {
      r2 = addV<T>(r2, fetchV<T>(op, xr, yr, p + 32, absMask));
      r3 = addV<T>(r3, fetchV<T>(op, xr, yr, p + 48, absMask));
    }
  }
  let left = combine8<T>(l0, l1, l2, l3);
  for (let j = endLeft; j < nLeft; j++) left += fetch<T>(op, x, y, j, 1, 1);
  let right = combine8<T>(r0, r1, r2, r3);
  for (let j = endRight; j < nRight; j++) right += fetch<T>(op, xr, yr, j, 1, 1);
  return left + right;
}

// pairwise's explicit stacks: nodes to visit, as first element and count (ADD_PARTIALS marks the
// sum of the two partial sums on top), and the partial sums (float32 ones held exactly as
// float64). Expanding a node replaces it with three entries, so the node stack grows by at most
// two per level of the tree, which is under 25 levels deep for 2^31 elements.
const ADD_PARTIALS = -1;

/**
 * NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), element by element the same:
 * a leaf of at most 128 elements is summed with eight accumulators; above, the sum is that of
 * the first n/2 (rounded down to a multiple of 8) plus that of the rest. The tree is walked with
 * explicit stacks rather than recursion (calls and their spills cost a tenth of a large sum's
 * time), and op stays a compile-time constant, so each kernel gets its own leaf loops.
 */
// @ts-ignore: decorator
@inline
function pairwiseOf<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize, callBytes: usize): T {
  if (n <= 128) return leaf<T>(op, n, x, sx, y, sy);
  // Two sibling leaves are summed side by side (leafPair), which fills the adder's latency when
  // the data is in cache. Past the L2 cache (1 MiB here), one float64 leaf at a time is faster:
  // its four chains keep up with the data, and one stream is prefetched better than two
  // (measured: 3-17% from 2e5 to 1e6 elements, 10% at 4e6 and 1e7). One float32 leaf has two
  // chains, bound by the add latency at 0.2 ns per element, so float32 switches only at 16 MiB,
  // where the data streams from memory. What decides is where the call's data comes from, so the
  // bytes of the whole call (callBytes), not of this row: rows of 1,000 to 100,000 float64 of a
  // matrix of 1e7 took 1.4-1.6x the time of its full sum when each row was judged alone.
  const streamingBytes: usize = sizeof<T>() == 8 ? 1 << 20 : 16 << 20;
  const siblingsTogether =
    ASC_FEATURE_SIMD && sx == 1 && (sy == 1 || op < MAP_DIFF_ABS) && callBytes < streamingBytes;
  const nodeStart = scratch(PAIRWISE_AT);
  const nodeCount = nodeStart + STACK_DEPTH * 4;
  const partialSums = nodeCount + STACK_DEPTH * 4;
  store<i32>(nodeStart, 0);
  store<i32>(nodeCount, <i32>n);
  let nodes: usize = 1;
  let partials: usize = 0;
  while (nodes > 0) {
    nodes--;
    const start = <isize>load<i32>(nodeStart + (nodes << 2));
    const count = <isize>load<i32>(nodeCount + (nodes << 2));
    if (count == ADD_PARTIALS) {
      partials--;
      const slot = partialSums + ((partials - 1) << 3);
      store<f64>(slot, <f64>(<T>load<f64>(slot) + <T>load<f64>(slot, 8)));
      continue;
    }
    const xs = at<T>(x, start, sx);
    const ys = at<T>(y, start, sy);
    let sum: T;
    if (count <= 128) {
      sum = leaf<T>(op, count, xs, sx, ys, sy);
    } else {
      let half = count / 2;
      half -= half % 8;
      if (count - half > 128) {
        // The sum of both halves, once each is on the stack: the first half is walked first.
        const top = nodeStart + (nodes << 2);
        const topCount = nodeCount + (nodes << 2);
        store<i32>(top, <i32>start);
        store<i32>(topCount, ADD_PARTIALS);
        store<i32>(top, <i32>(start + half), 4);
        store<i32>(topCount, <i32>(count - half), 4);
        store<i32>(top, <i32>start, 8);
        store<i32>(topCount, <i32>half, 8);
        nodes += 3;
        continue;
      }
      sum = siblingsTogether
        ? leafPair<T>(op, half, count - half, xs, ys)
        : leaf<T>(op, half, xs, sx, ys, sy) + leaf<T>(op, count - half, at<T>(xs, half, sx), sx, at<T>(ys, half, sy), sy);
    }
    store<f64>(partialSums + (partials << 3), <f64>sum);
    partials++;
  }
  return <T>load<f64>(partialSums);
}

/** pairwise_sum for n <= 128: under 8 a plain loop, else eight accumulators and the rest in order. */
// @ts-ignore: decorator
@inline
function leafOf<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  if (n < 8) {
    let res: T = <T>0;
    for (let i: isize = 0; i < n; i++) res += fetch<T>(op, x, y, i, sx, sy);
    return res;
  }
  {
    const blockEnd = n - (n % 8);
    let res: T;
    let i: isize = 8;
    if (ASC_FEATURE_SIMD && sx == 1 && (sy == 1 || op < MAP_DIFF_ABS)) {
      const absMask = sizeof<T>() == 8 ? i64x2.splat(0x7fffffffffffffff) : i32x4.splat(0x7fffffff);
      const w: usize = sizeof<T>();
      if (w == 8) {
        let v0 = fetchV<T>(op, x, y, 0, absMask);
        let v1 = fetchV<T>(op, x, y, 16, absMask);
        let v2 = fetchV<T>(op, x, y, 32, absMask);
        let v3 = fetchV<T>(op, x, y, 48, absMask);
        for (; i < blockEnd; i += 8) {
          const p = <usize>i << 3;
          v0 = f64x2.add(v0, fetchV<T>(op, x, y, p, absMask));
          v1 = f64x2.add(v1, fetchV<T>(op, x, y, p + 16, absMask));
          v2 = f64x2.add(v2, fetchV<T>(op, x, y, p + 32, absMask));
          v3 = f64x2.add(v3, fetchV<T>(op, x, y, p + 48, absMask));
        }
        res = <T>combine8f64(v0, v1, v2, v3);
      } else {
        let v0 = fetchV<T>(op, x, y, 0, absMask);
        let v1 = fetchV<T>(op, x, y, 16, absMask);
        for (; i < blockEnd; i += 8) {
          const p = <usize>i << 2;
          v0 = f32x4.add(v0, fetchV<T>(op, x, y, p, absMask));
          v1 = f32x4.add(v1, fetchV<T>(op, x, y, p + 16, absMask));
        }
        res = <T>combine8f32(v0, v1);
      }
    } else {
      let r0 = fetch<T>(op, x, y, 0, sx, sy);
      let r1 = fetch<T>(op, x, y, 1, sx, sy);
      let r2 = fetch<T>(op, x, y, 2, sx, sy);
      let r3 = fetch<T>(op, x, y, 3, sx, sy);
      let r4 = fetch<T>(op, x, y, 4, sx, sy);
      let r5 = fetch<T>(op, x, y, 5, sx, sy);
      let r6 = fetch<T>(op, x, y, 6, sx, sy);
      let r7 = fetch<T>(op, x, y, 7, sx, sy);
      for (; i < blockEnd; i += 8) {
        r0 += fetch<T>(op, x, y, i, sx, sy);
        r1 += fetch<T>(op, x, y, i + 1, sx, sy);
        r2 += fetch<T>(op, x, y, i + 2, sx, sy);
        r3 += fetch<T>(op, x, y, i + 3, sx, sy);
        r4 += fetch<T>(op, x, y, i + 4, sx, sy);
        r5 += fetch<T>(op, x, y, i + 5, sx, sy);
        r6 += fetch<T>(op, x, y, i + 6, sx, sy);
        r7 += fetch<T>(op, x, y, i + 7, sx, sy);
      }
      res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    }
    for (; i < n; i++) res += fetch<T>(op, x, y, i, sx, sy);
    return res;
  }
  unreachable(); // callers pass n <= 128
  return <T>0;
}

// Each map's sum and leaf is one function per dtype, called from every kernel that sums (the
// reductions, softmax, normalizeRows) rather than inlined into each: the tree and its leaves
// were a third of the module's code (its code section 41.0 kB gzipped before, 36.0 kB after).
// Rows of up to a leaf's size stay inlined (below); past it, the calls cost at most a few
// percent (a scratch A/B, both builds in one process: vectors and rows of 100 elements or more
// within the noise). op must be a compile-time constant at each call of pairwise and leaf, as
// it is: the branches below fold away.

/**
 * NumPy's pairwise sum of n elements of the map op of x (and y), at strides sx and sy, in a call
 * that reads callBytes in all (a row's bytes times the rows): past the cache, the leaves are
 * summed one at a time. The bits are the same either way.
 */
// @ts-ignore: decorator
@inline
export function pairwise<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize, callBytes: usize): T {
  // A row of up to a leaf's size is summed in place: a call costs it 2-5 ns (measured on rows
  // of 16 to 128 elements, 1.2-1.5x their time).
  if (n <= 128) return leafOf<T>(op, n, x, sx, y, sy);
  if (op == MAP_IDENTITY) return sumOf<T>(n, x, sx, callBytes);
  if (op == MAP_SQUARE) return sumOfSquares<T>(n, x, sx, callBytes);
  if (op == MAP_ABS) return sumOfAbs<T>(n, x, sx, callBytes);
  if (op == MAP_DIFF_ABS) return sumOfAbsDiff<T>(n, x, sx, y, sy, callBytes);
  return sumOfSquaredDiff<T>(n, x, sx, y, sy, callBytes);
}

function sumOf<T>(n: isize, x: usize, sx: isize, callBytes: usize): T {
  return pairwiseOf<T>(MAP_IDENTITY, n, x, sx, 0, 0, callBytes);
}
function sumOfSquares<T>(n: isize, x: usize, sx: isize, callBytes: usize): T {
  return pairwiseOf<T>(MAP_SQUARE, n, x, sx, 0, 0, callBytes);
}
function sumOfAbs<T>(n: isize, x: usize, sx: isize, callBytes: usize): T {
  return pairwiseOf<T>(MAP_ABS, n, x, sx, 0, 0, callBytes);
}
function sumOfAbsDiff<T>(n: isize, x: usize, sx: isize, y: usize, sy: isize, callBytes: usize): T {
  return pairwiseOf<T>(MAP_DIFF_ABS, n, x, sx, y, sy, callBytes);
}
function sumOfSquaredDiff<T>(n: isize, x: usize, sx: isize, y: usize, sy: isize, callBytes: usize): T {
  return pairwiseOf<T>(MAP_DIFF_SQUARE, n, x, sx, y, sy, callBytes);
}

/** The leaf sum (n <= 128) of the map op. */
// @ts-ignore: decorator
@inline
function leaf<T>(op: i32, n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  if (op == MAP_IDENTITY) return leafSum<T>(n, x, sx);
  if (op == MAP_SQUARE) return leafSumOfSquares<T>(n, x, sx);
  if (op == MAP_ABS) return leafSumOfAbs<T>(n, x, sx);
  if (op == MAP_DIFF_ABS) return leafSumOfAbsDiff<T>(n, x, sx, y, sy);
  return leafSumOfSquaredDiff<T>(n, x, sx, y, sy);
}

function leafSum<T>(n: isize, x: usize, sx: isize): T {
  return leafOf<T>(MAP_IDENTITY, n, x, sx, 0, 0);
}
function leafSumOfSquares<T>(n: isize, x: usize, sx: isize): T {
  return leafOf<T>(MAP_SQUARE, n, x, sx, 0, 0);
}
function leafSumOfAbs<T>(n: isize, x: usize, sx: isize): T {
  return leafOf<T>(MAP_ABS, n, x, sx, 0, 0);
}
function leafSumOfAbsDiff<T>(n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  return leafOf<T>(MAP_DIFF_ABS, n, x, sx, y, sy);
}
function leafSumOfSquaredDiff<T>(n: isize, x: usize, sx: isize, y: usize, sy: isize): T {
  return leafOf<T>(MAP_DIFF_SQUARE, n, x, sx, y, sy);
}
