// JS numbers as elementwise operands without an array: `1 - A` writes its 1, cast to the loop's
// dtype, into a slot of wasm memory that the kernel reads at stride 0. Making a 0-d array for it
// (allocate, register, cast, dispose) cost more than the kernel itself on a training loop's
// arrays of a few hundred elements.
import { type DType, ITEMSIZE } from './dtype.js';
import { castValue, heapOf } from './ndarray.js';
import type { Shape } from './shape.js';
import type { StridedArray } from './strided.js';
import { scalarSlotsAddress } from './wasm.js';

const SLOT_BYTES = 16;
const NO_DIMENSIONS: Shape = Object.freeze([]);

/**
 * Writes `value` as `dtype` stores it (NumPy's C casts) into slot 0 or 1 and describes it as a
 * 0-d operand. The slot is overwritten by the next op that uses it: write it after everything
 * that could run another op (converting the other operand), just before the kernel call.
 */
export function scalarOperand(slot: 0 | 1, value: number | boolean, dtype: DType): StridedArray {
  const itemsize = ITEMSIZE[dtype];
  const offset = scalarPointer(slot, value, dtype) / itemsize;
  return { dtype, dims: NO_DIMENSIONS, offset, itemsize, elementStrides: NO_DIMENSIONS };
}

/** scalarOperand's write alone: the slot's address in bytes, for a kernel call made directly. */
export function scalarPointer(slot: 0 | 1, value: number | boolean, dtype: DType): number {
  const address = scalarSlotsAddress + slot * SLOT_BYTES;
  heapOf(dtype)[address / ITEMSIZE[dtype]] = castValue(value, dtype);
  return address;
}

const zeroStrides: (readonly number[])[] = [];

/** Strides of 0 along `ndim` axes (shared and frozen): a scalar broadcast to any shape. */
export function zeroStridesOf(ndim: number): readonly number[] {
  return (zeroStrides[ndim] ??= Object.freeze(new Array<number>(ndim).fill(0)));
}
