// Where the ops hand a big call to the kernel threads, and how they cut it: maps by elements;
// row kernels, broadcast matrices, row reductions and products by rows; a full sum at NumPy's own
// pairwise split points. Each part is the same kernel over a sub-range, so the bits are those of
// one call. Below its threshold a call never gets here.
import { type DType, ITEMSIZE } from '../dtype.js';
import { heap } from '../memory.js';
import { SUFFIX } from '../kernels.js';
import { MAX_PARTS, scratchAddress, simdBuild } from '../wasm.js';
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
 * Element parts start at multiples of 16: every kernel's vector body then covers the same
 * elements as in one call, and the scalar tail the same last few.
 */
export const ELEMENT_ALIGN = 16;

/**
 * Parts per thread of a call cut along a count: the threads take parts from a queue, so a thread
 * that starts late or runs slowly takes fewer (with halves, one half of a sigmoid of 1e7 elements
 * ended up to a third later than the other here). Scratch A/Bs against halves: four parts per
 * thread took 0.92-0.95x the time of exp, sigmoid and softmax at 1e6 elements; a row sum of 1e5
 * took 1.07x with four, so the maps bound by memory take two.
 */
const partsPerThread = (name: string) => (COSTLY.has(name) ? 4 : 2);

/**
 * Runs kernel `name` with arguments `args` in `perThread` parts per thread ready, cut along
 * the count at `args[countAt]` (elements or rows): a part has its own count there, and each
 * argument `i` advanced by `advance[i]` per unit before the part (a pointer's bytes per element or
 * row; 0 for the other arguments). Every part but the last is a multiple of `align` units.
 */
export function splitCall(
  name: string,
  dtype: DType,
  args: number[],
  countAt: number,
  advance: number[],
  align = 1,
  perThread = partsPerThread(name),
): void {
  const total = args[countAt];
  const parts = Math.min(threadsReady() * perThread, MAX_PARTS, Math.floor(total / align));
  const step = Math.ceil(total / Math.max(parts, 1) / align) * align;
  const list: number[][] = [];
  for (let from = 0; from < total; from += step) {
    const part = args.map((arg, i) => arg + from * advance[i]);
    part[countAt] = Math.min(step, total - from);
    list.push(part);
  }
  runParts(`${name}_${SUFFIX[dtype]}`, list);
}

/** Whether a call of `op` over `elements` elements goes to the threads. */
export function splits(op: string, elements: number): boolean {
  // The small calls of a training loop leave at the first comparison.
  if (elements < COSTLY_FROM) return false;
  return (elements >= CHEAP_FROM || COSTLY.has(op)) && threadsOn();
}

// A product splits from this many multiply-adds (m k n) and 8 rows of output up: two threads
// took 1.45-1.55x less time than one for (128, 64, 64) here (524,288), 0.9-1.0x for (64, 64, 64).
const PRODUCT_FROM = threshold(524288);
const PRODUCT_ROWS = splitAll ? 2 : 8;

/** Whether a product (m x k) @ (k x n) goes to the threads. */
export function splitsProduct(m: number, k: number, n: number): boolean {
  return m >= PRODUCT_ROWS && m * k * n >= PRODUCT_FROM && threadsOn();
}

/**
 * The row kernels whose value for one row is NumPy's pairwise sum (of x, x², |x|, and of |x - y|
 * and (x - y)² for nn.l1 and nn.l2).
 */
const PAIRWISE_SUMS = new Set(['sum', 'sumsq', 'sumabs', 'sumabsdiff', 'sumsqdiff']);

// A full reduction reads memory and does little else, so its threshold is in the bytes it reads:
// 1 MiB, so a sum from 131,072 float64 elements, nn.l1 and nn.l2 of two vectors (and a dot) from
// 65,536. Split from half that, a sum of 1e5 float64 elements (800 kB) took 1.09x one thread's
// time in the 2026-12-04 03:13 run and 1.23-1.37x in scratch A/Bs (the worker had not yet started
// its half when the main thread had done its own in 10-40% of the calls), while nn.l1 and nn.l2
// of 1e5 float64 elements (1.6 MB read) took 0.63x and 0.68x in that run.
const REDUCTION_FROM_BYTES = threshold(1 << 20);

/** Whether a full reduction by `rowKernel` over `elements` of dtype goes to the threads. */
export function splitsSum(rowKernel: string, dtype: DType, elements: number): boolean {
  const inputs = rowKernel === 'sumabsdiff' || rowKernel === 'sumsqdiff' ? 2 : 1;
  return (
    (dtype === 'float64' || dtype === 'float32') &&
    inputs * elements * ITEMSIZE[dtype] >= REDUCTION_FROM_BYTES &&
    PAIRWISE_SUMS.has(rowKernel) &&
    threadsOn()
  );
}

/**
 * The nodes of a summation tree over n elements, cut for the threads ready: each node of more than
 * `leaf` elements has the halves [0, h) and [h, count), h its count / 2 rounded down to a
 * multiple of `align`, and the tree is cut at the deepest level with at most one node per thread
 * (and 8 in all), all above the leaves. Each [from, count] is summed on a thread; addTree adds their sums back.
 */
function cutTree(n: number, leaf: number, align: number): [number, number][] {
  // One node per thread: two per thread took 1.06x the time of a sum of 1e6 elements here.
  const nodes = Math.min(threadsReady(), TREE_SLOTS);
  let ranges: [number, number][] = [[0, n]];
  while (2 * ranges.length <= nodes && ranges.every(([, count]) => count > leaf)) {
    ranges = ranges.flatMap(([from, count]): [number, number][] => {
      let half = Math.floor(count / 2);
      half -= half % align;
      return [
        [from, half],
        [from + half, count - half],
      ];
    });
  }
  return ranges;
}

/** The sums of cutTree's nodes, from `slots` of the scratch area, added as the tree adds them. */
function addTree(dtype: DType, slots: number): number {
  const values = dtype === 'float64' ? heap().f64 : heap().f32;
  const round = dtype === 'float64' ? (v: number) => v : Math.fround;
  const bytes = ITEMSIZE[dtype];
  let sums = Array.from({ length: slots }, (_, i) => values[slot(i) / bytes]);
  while (sums.length > 1) {
    sums = sums.flatMap((v, i) => (i % 2 === 0 ? [round(v + sums[i + 1])] : []));
  }
  return sums[0];
}

/** Where cutTree's node i leaves its sum: one of the 8 slots of the scratch area's 64 bytes. */
const slot = (i: number) => scratchAddress + 8 * i;
const TREE_SLOTS = 8;

/**
 * NumPy's pairwise sum of n elements of the contiguous `inputs` (one pointer, or two for the
 * kernels of a difference), its tree cut at the tree's own split points (the first n/2, rounded
 * down to a multiple of 8, and the rest; a node of at most 128 elements is a leaf, summed whole),
 * each part summed on a thread, then added as the tree adds them (in float32 arithmetic for
 * float32): the bits of one call.
 */
export function splitPairwiseSum(
  rowKernel: string,
  dtype: DType,
  n: number,
  inputs: number[],
): number {
  const bytes = ITEMSIZE[dtype];
  const ranges = cutTree(n, 128, 8);
  runParts(
    `${rowKernel}_${SUFFIX[dtype]}`,
    ranges.map(([from, count], i) => [
      1,
      count,
      ...inputs.flatMap((x) => [x + from * bytes, 0, 1]),
      slot(i),
      0,
      0,
    ]),
  );
  return addTree(dtype, ranges.length);
}

/** Whether a 1-D dot of n elements of dtype goes to the threads (it reads two vectors). */
export function splitsDot(dtype: DType, n: number): boolean {
  return (
    (dtype === 'float64' || dtype === 'float32') &&
    2 * n * ITEMSIZE[dtype] >= REDUCTION_FROM_BYTES &&
    threadsOn()
  );
}

/** The 1-D dot's own tree (assembly/linalg.ts: dotTree), the same constant in every build. */
const DOT_LEAF = simdBuild === undefined ? 0 : (simdBuild.kernels.dotLeaf as () => number)();

/**
 * The dot of n elements of x and y (byte addresses, strides in elements), its tree (the halves
 * at n/2 rounded down to a multiple of 32, above leaves of DOT_LEAF elements) cut for the
 * threads, the parts' dots added as the tree adds them: the bits of one call of dot.
 */
export function splitDot(
  dtype: DType,
  n: number,
  x: number,
  sx: number,
  y: number,
  sy: number,
): number {
  const bytes = ITEMSIZE[dtype];
  const ranges = cutTree(n, DOT_LEAF, 32);
  runParts(
    `dotInto_${SUFFIX[dtype]}`,
    ranges.map(([from, count], i) => [
      count,
      x + from * sx * bytes,
      sx,
      y + from * sy * bytes,
      sy,
      slot(i),
    ]),
  );
  return addTree(dtype, ranges.length);
}
