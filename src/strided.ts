// The strided runner every elementwise kernel goes through: an n-d loop over operands that each
// have their own strides (0 broadcasts) becomes kernel calls over 2-D slabs, one call when the
// data is contiguous. Also the cast between arrays that astype, set and the joins use.
import { type DType, ITEMSIZE } from './dtype.js';
import { SUFFIX, kernel } from './kernels.js';
import {
  broadcastStrides,
  coalesce,
  forEachIndex,
  isContiguous,
  type Shape,
  shapeSize,
} from './shape.js';

/** One operand of a strided kernel: where its first element is and how it steps (elements). */
export interface Strided {
  offset: number;
  itemsize: number;
  strides: readonly number[];
}

/** What a strided operand is read from: an NDArray, or anything shaped like one. */
export interface StridedSource {
  readonly offset: number;
  readonly itemsize: number;
  readonly elementStrides: readonly number[];
}

export function stridedOf(
  x: StridedSource,
  strides: readonly number[] = x.elementStrides,
): Strided {
  return { offset: x.offset, itemsize: x.itemsize, strides };
}

/**
 * Runs a 2-D strided kernel (rows, cols, then ptr, stride0, stride1 per operand) over `shape`:
 * dimensions are coalesced first, so contiguous data is one call over one long row.
 */
export function runElementwise(
  op: string,
  dtype: DType,
  shape: Shape,
  operands: readonly Strided[],
): void {
  const fn = kernel(op, dtype);
  // The common case, every operand contiguous, is one call over one row (no coalescing).
  let contiguous = true;
  for (let k = 0; contiguous && k < operands.length; k++) {
    contiguous = isContiguous(shape, operands[k].strides);
  }
  if (contiguous) {
    const size = shapeSize(shape);
    const [a, b, c, d] = operands;
    if (operands.length === 2)
      fn(1, size, a.offset * a.itemsize, 0, 1, b.offset * b.itemsize, 0, 1);
    else if (operands.length === 4)
      fn(
        1,
        size,
        a.offset * a.itemsize,
        0,
        1,
        b.offset * b.itemsize,
        0,
        1,
        c.offset * c.itemsize,
        0,
        1,
        d.offset * d.itemsize,
        0,
        1,
      );
    else
      fn(
        1,
        size,
        a.offset * a.itemsize,
        0,
        1,
        b.offset * b.itemsize,
        0,
        1,
        c.offset * c.itemsize,
        0,
        1,
      );
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
    const args = [rows, cols];
    operands.forEach((o, k) => {
      let element = o.offset;
      for (let i = 0; i < outer; i++) element += index[i] * strides[k][i];
      args.push(
        element * o.itemsize,
        nd >= 2 ? strides[k][nd - 2] : 0,
        nd >= 1 ? strides[k][nd - 1] : 0,
      );
    });
    fn(...args);
  });
}

/** An array's place in memory as the cast reads or writes it. */
export interface StridedArray extends StridedSource {
  readonly dtype: DType;
  readonly shape: Shape;
}

/**
 * Copies `source` into `dest` (same shape, or broadcast to it) converting each element to
 * dest's dtype as NumPy's C casts do: one cast_<from>_<to> kernel per 2-D slab.
 */
export function castInto(source: StridedArray, dest: StridedArray): void {
  if (shapeSize(dest.shape) === 0) return;
  const strides =
    source.shape.length === dest.shape.length && source.shape.every((d, i) => d === dest.shape[i])
      ? source.elementStrides
      : broadcastStrides(source.shape, source.elementStrides, dest.shape);
  runElementwise(`cast_${SUFFIX[source.dtype]}`, dest.dtype, dest.shape, [
    { offset: source.offset, itemsize: ITEMSIZE[source.dtype], strides },
    stridedOf(dest),
  ]);
}
