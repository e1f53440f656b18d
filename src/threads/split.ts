// Where the elementwise ops hand a big call to the kernel threads, and how they cut it: maps by
// elements, row kernels and broadcast matrices by rows. Each part is the same kernel over a
// sub-range, so the bits are those of one call. Below its threshold a call never gets here.
import type { DType } from '../dtype.js';
import { SUFFIX } from '../kernels.js';
import { splitWork, threadsOn } from './settings.js';

// Tests run every split path on small arrays: globalThis.NNBASICS_SPLIT_ALL = true before import
// makes each threshold 1.
const splitAll = (globalThis as { NNBASICS_SPLIT_ALL?: boolean }).NNBASICS_SPLIT_ALL === true;
const threshold = (elements: number): number => (splitAll ? 1 : elements);

// Elements from which two threads beat one, from the bench's threads section on this machine
// (2 cores): a map on the exp core (2-5 ns an element) pays for the hand-over (about 1 us) sooner
// than one bound by memory (add, abs: 0.3 ns an element in cache).
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

/** Whether a call of `op` over `elements` elements goes to the threads. */
export function splits(op: string, elements: number): boolean {
  return elements >= (COSTLY.has(op) ? COSTLY_FROM : CHEAP_FROM) && threadsOn();
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
