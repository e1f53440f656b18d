// Where the ops hand a big call to the kernel threads, and how they cut it: maps by elements,
// row kernels, broadcast matrices and row reductions by rows, a full sum at NumPy's own pairwise
// split points. Each part is the same kernel over a sub-range, so the bits are those of one
// call. Below its threshold a call never gets here.
import type { DType } from '../dtype.js';
import { heap } from '../memory.js';
import { SUFFIX } from '../kernels.js';
import { scratchAddress } from '../wasm.js';
import { runParts, threadsOn, threadsReady } from './settings.js';

// Tests run every split path on small arrays: globalThis.NNBASICS_SPLIT_ALL = true before import
// makes each threshold 1.
const splitAll = (globalThis as { NNBASICS_SPLIT_ALL?: boolean }).NNBASICS_SPLIT_ALL === true;
const threshold = (elements: number): number => (splitAll ? 1 : elements);

// Elements from which two threads beat one, from interleaved timings of one thread against two
// on this machine (2 cores; the bench's threads section checks that no op got slower): a map on
// the exp core (2-5 ns an element) pays for the hand-over (about 1 us) sooner than one bound by
// memory (add, abs: 0.3 ns an element in cache), which gained 1.0-1.2x at 65,536 elements and
// 1.6-1.8x at 131,072.
const COSTLY = new Set([
  'exp',
  'log',
  'tanh',
  'sigmoid',
  'sigmoidDerivative',
  'softmaxRows',
  'logSoftmaxRows',
]);
const COSTLY_FROM = threshold(16384);
const CHEAP_FROM = threshold(65536);

/**
 * Parts start at multiples of 16 elements: every kernel's vector body then covers the same
 * elements as in one call, and the scalar tail the same last few.
 */
const ALIGN = 16;

/**
 * Runs kernel `name` over `total` units of work (elements, rows) in one part per thread ready:
 * `argsOf(from, count)` gives a part's arguments; every part but the last starts at a multiple
 * of `align` units.
 */
function splitWork(
  name: string,
  total: number,
  align: number,
  argsOf: (from: number, count: number) => number[],
): void {
  const threads = Math.min(threadsReady(), Math.floor(total / align));
  const step = Math.ceil(total / Math.max(threads, 1) / align) * align;
  const parts: number[][] = [];
  for (let from = 0; from < total; from += step)
    parts.push(argsOf(from, Math.min(step, total - from)));
  runParts(name, parts);
}

/** Whether a call of `op` over `elements` elements goes to the threads. */
export function splits(op: string, elements: number): boolean {
  // The small calls of a training loop leave at the first comparison.
  if (elements < COSTLY_FROM) return false;
  return (elements >= CHEAP_FROM || COSTLY.has(op)) && threadsOn();
}

/** A one-input map over n contiguous elements: (1, n, x, 0, 1, out, 0, 1). */
export function splitUnary(
  op: string,
  dtype: DType,
  n: number,
  x: number,
  xBytes: number,
  out: number,
  outBytes: number,
): void {
  splitWork(`${op}_${SUFFIX[dtype]}`, n, ALIGN, (from, count) => [
    1,
    count,
    x + from * xBytes,
    0,
    1,
    out + from * outBytes,
    0,
    1,
  ]);
}

/**
 * A two-input map over n contiguous elements, either input possibly a scalar slot (its step 0):
 * (1, n, x, 0, 1 | 0, y, 0, 1 | 0, out, 0, 1).
 */
export function splitBinary(
  op: string,
  dtype: DType,
  n: number,
  x: number,
  xStep: number,
  y: number,
  yStep: number,
  out: number,
  bytes: number,
): void {
  splitWork(`${op}_${SUFFIX[dtype]}`, n, ALIGN, (from, count) => [
    1,
    count,
    x + from * xStep,
    0,
    xStep === 0 ? 0 : 1,
    y + from * yStep,
    0,
    yStep === 0 ? 0 : 1,
    out + from * bytes,
    0,
    1,
  ]);
}

/** Two broadcast matrices' pointers and element strides, and the output's pointer. */
export interface MatrixOperands {
  x: number;
  xs0: number;
  xs1: number;
  y: number;
  ys0: number;
  ys1: number;
  out: number;
}

/** A two-input kernel over rows (rows, cols, x, xs0, xs1, y, ys0, ys1, out, cols, 1), by rows. */
export function splitMatrices(
  op: string,
  dtype: DType,
  rows: number,
  cols: number,
  m: MatrixOperands,
  bytes: number,
): void {
  splitWork(`${op}_${SUFFIX[dtype]}`, rows, 1, (from, count) => [
    count,
    cols,
    m.x + from * m.xs0 * bytes,
    m.xs0,
    m.xs1,
    m.y + from * m.ys0 * bytes,
    m.ys0,
    m.ys1,
    m.out + from * cols * bytes,
    cols,
    1,
  ]);
}

/** A row kernel over contiguous rows (rows, cols, x, cols, 1, out), by rows. */
export function splitRows(
  name: string,
  dtype: DType,
  rows: number,
  cols: number,
  x: number,
  out: number,
  bytes: number,
): void {
  splitWork(`${name}_${SUFFIX[dtype]}`, rows, 1, (from, count) => [
    count,
    cols,
    x + from * cols * bytes,
    cols,
    1,
    out + from * cols * bytes,
  ]);
}

/**
 * A row reduction over contiguous rows (rows, cols, x, cols, 1, out, 1, 0): a sum, norm, max or
 * arg-max of each row, by rows.
 */
export function splitRowReduction(
  name: string,
  dtype: DType,
  rows: number,
  cols: number,
  x: number,
  out: number,
  xBytes: number,
  outBytes: number,
): void {
  splitWork(`${name}_${SUFFIX[dtype]}`, rows, 1, (from, count) => [
    count,
    cols,
    x + from * cols * xBytes,
    cols,
    1,
    out + from * outBytes,
    1,
    0,
  ]);
}

/** The row kernels whose value for one row is NumPy's pairwise sum (of x, x², |x|). */
const PAIRWISE_SUMS = new Set(['sum', 'sumsq', 'sumabs']);

/** Whether a full reduction by `rowKernel` over `elements` of dtype goes to the threads. */
export function splitsSum(rowKernel: string, dtype: DType, elements: number): boolean {
  return (
    elements >= CHEAP_FROM &&
    (dtype === 'float64' || dtype === 'float32') &&
    PAIRWISE_SUMS.has(rowKernel) &&
    threadsOn()
  );
}

/**
 * NumPy's pairwise sum of n contiguous elements, its tree cut into two or four subtrees at the
 * tree's own split points (the first n/2, rounded down to a multiple of 8, and the rest), each
 * summed on a thread into a slot of the scratch area, then added as the tree adds them (in
 * float32 arithmetic for float32): the bits of one call.
 */
export function splitPairwiseSum(rowKernel: string, dtype: DType, n: number, x: number): number {
  const bytes = dtype === 'float64' ? 8 : 4;
  const threads = threadsReady();
  let ranges: [number, number][] = [[0, n]];
  // A node of at most 128 elements is a leaf, summed whole: the tree is cut above the leaves.
  while (2 * ranges.length <= threads && ranges.every(([, count]) => count > 128)) {
    ranges = ranges.flatMap(([from, count]): [number, number][] => {
      let half = Math.floor(count / 2);
      half -= half % 8;
      return [
        [from, half],
        [from + half, count - half],
      ];
    });
  }
  const slot = (i: number) => scratchAddress + 8 * i;
  runParts(
    `${rowKernel}_${SUFFIX[dtype]}`,
    ranges.map(([from, count], i) => [1, count, x + from * bytes, 0, 1, slot(i), 0, 0]),
  );
  const values = dtype === 'float64' ? heap().f64 : heap().f32;
  const round = dtype === 'float64' ? (v: number) => v : Math.fround;
  let sums = ranges.map((_, i) => values[slot(i) / bytes]);
  while (sums.length > 1) {
    sums = sums.flatMap((v, i) => (i % 2 === 0 ? [round(v + sums[i + 1])] : []));
  }
  return sums[0];
}
