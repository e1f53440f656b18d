// The strided runner every elementwise kernel goes through: an n-d loop over operands that each
// have their own strides (0 broadcasts) becomes kernel calls over 2-D slabs, one call when the
// data is contiguous. Also the cast between arrays that astype, set and the joins use.
import { type DType, ITEMSIZE } from './dtype.js';
import { type Kernel, SUFFIX, kernel } from './kernels.js';
import {
  broadcastStrides,
  coalesce,
  forEachIndex,
  isContiguous,
  type Shape,
  sameShape,
  shapeSize,
} from './shape.js';

/** One operand of a strided kernel: where its first element is and how it steps (elements). */
export interface Strided {
  offset: number;
  itemsize: number;
  strides: readonly number[];
  /** Known to walk the op's shape contiguously (an array's own strides, when it is contiguous). */
  contiguous?: boolean;
}

/** What a strided operand is read from: an NDArray, or anything shaped like one. */
export interface StridedSource {
  readonly offset: number;
  readonly itemsize: number;
  readonly elementStrides: readonly number[];
  /** An NDArray's own flag, computed once; a kernel call checks it before the strides. */
  readonly isContiguous?: boolean;
}

/** x as a kernel operand, with its own strides (over its own shape) or the given ones. */
export function stridedOf(x: StridedSource, strides?: readonly number[]): Strided {
  if (strides === undefined) {
    const contiguous = x.isContiguous === true;
    return { offset: x.offset, itemsize: x.itemsize, strides: x.elementStrides, contiguous };
  }
  return { offset: x.offset, itemsize: x.itemsize, strides };
}

/**
 * Runs a 2-D strided kernel (rows, cols, then ptr, stride0, stride1 per operand) over `shape`.
 * Operands that are contiguous or broadcast scalars make one call over one row; a problem of at
 * most two dimensions, such as a (4, 400) array plus a (4, 1) bias, one call over its rows;
 * anything else is coalesced first and makes one call per 2-D slab.
 */
export function runElementwise(
  op: string,
  dtype: DType,
  shape: Shape,
  operands: readonly Strided[],
): void {
  const fn = kernel(op, dtype);
  const count = operands.length;
  let flat = true;
  for (let k = 0; flat && k < count; k++) {
    const o = operands[k];
    flat = o.contiguous || isContiguous(shape, o.strides) || allZero(o.strides);
  }
  if (flat) {
    for (let k = 0; k < count; k++) {
      const o = operands[k];
      setOperand(k, o.offset * o.itemsize, 0, allZero(o.strides) ? 0 : 1);
    }
    callSlab(fn, 1, shapeSize(shape), count);
    return;
  }
  if (shape.length <= 2) {
    const two = shape.length === 2;
    for (let k = 0; k < count; k++) {
      const o = operands[k];
      setOperand(k, o.offset * o.itemsize, two ? o.strides[0] : 0, o.strides[two ? 1 : 0]);
    }
    callSlab(fn, two ? shape[0] : 1, shape[shape.length - 1], count);
    return;
  }
  const { shape: dims, strides } = coalesce(
    shape,
    operands.map((o) => o.strides),
  );
  const nd = dims.length;
  const rows = nd >= 2 ? dims[nd - 2] : 1;
  const cols = nd >= 1 ? dims[nd - 1] : 1;
  const outer = Math.max(0, nd - 2);
  forEachIndex(dims, outer, (index) => {
    for (let k = 0; k < count; k++) {
      const o = operands[k];
      let element = o.offset;
      for (let i = 0; i < outer; i++) element += index[i] * strides[k][i];
      setOperand(
        k,
        element * o.itemsize,
        nd >= 2 ? strides[k][nd - 2] : 0,
        nd >= 1 ? strides[k][nd - 1] : 0,
      );
    }
    callSlab(fn, rows, cols, count);
  });
}

function allZero(strides: readonly number[]): boolean {
  for (let i = 0; i < strides.length; i++) if (strides[i] !== 0) return false;
  return true;
}

// The arguments of the next kernel call, per operand: its pointer (bytes) and its two strides
// (elements). Reused, so that a call allocates nothing.
const pointers = [0, 0, 0, 0];
const rowStrides = [0, 0, 0, 0];
const colStrides = [0, 0, 0, 0];

function setOperand(k: number, pointer: number, rowStride: number, colStride: number): void {
  pointers[k] = pointer;
  rowStrides[k] = rowStride;
  colStrides[k] = colStride;
}

/**
 * One kernel call over a (rows, cols) slab of `count` operands, spelled out for 2, 3 and 4 (a
 * spread of an argument array costs more than a small kernel).
 */
function callSlab(fn: Kernel, rows: number, cols: number, count: number): void {
  const p = pointers;
  const r = rowStrides;
  const c = colStrides;
  if (count === 2) fn(rows, cols, p[0], r[0], c[0], p[1], r[1], c[1]);
  else if (count === 3) fn(rows, cols, p[0], r[0], c[0], p[1], r[1], c[1], p[2], r[2], c[2]);
  else if (count === 4) {
    fn(rows, cols, p[0], r[0], c[0], p[1], r[1], c[1], p[2], r[2], c[2], p[3], r[3], c[3]);
  } else {
    throw new Error(`nnbasics: no strided call for ${count} operands`);
  }
}

/** An array's place in memory as the cast reads or writes it. */
export interface StridedArray extends StridedSource {
  readonly dtype: DType;
  readonly dims: Shape;
}

/**
 * Copies `source` into `dest` (same shape, or broadcast to it) converting each element to
 * dest's dtype as NumPy's C casts do: one cast_<from>_<to> kernel per 2-D slab.
 */
export function castInto(source: StridedArray, dest: StridedArray): void {
  if (shapeSize(dest.dims) === 0) return;
  const strides = sameShape(source.dims, dest.dims)
    ? source.elementStrides
    : broadcastStrides(source.dims, source.elementStrides, dest.dims);
  runElementwise(CAST_FROM[source.dtype], dest.dtype, dest.dims, [
    { offset: source.offset, itemsize: ITEMSIZE[source.dtype], strides },
    stridedOf(dest),
  ]);
}

/** The cast kernels' names by source dtype (cast_f64 and the destination's suffix: cast_f64_i32). */
const CAST_FROM: Record<DType, string> = {
  float64: `cast_${SUFFIX.float64}`,
  float32: `cast_${SUFFIX.float32}`,
  int32: `cast_${SUFFIX.int32}`,
  bool: `cast_${SUFFIX.bool}`,
};
