// The call shapes of NumPy's ufuncs as this library types them: JS numbers in, a JS number out;
// anything else in, an NDArray out.
import type { ArrayInput, NDArray } from './ndarray.js';

/** A unary ufunc (np.exp, np.sin, nn.sigmoid, ...): a JS number for a JS number, else an NDArray. */
export type UnaryFunction = {
  (x: number): number;
  (x: ArrayInput): NDArray;
};

/** A binary ufunc (np.add, np.power, ...): a JS number for two JS numbers, else an NDArray. */
export type BinaryFunction = {
  (a: number, b: number): number;
  (a: ArrayInput, b: ArrayInput): NDArray;
};

/** A comparison or logical ufunc (np.less, np.logical_and, ...): bool results. */
export type Comparison = {
  (a: number | boolean, b: number | boolean): boolean;
  (a: ArrayInput, b: ArrayInput): NDArray;
};

/** A classifying ufunc (np.isnan, np.logical_not, ...): bool results. */
export type Predicate = {
  (x: number | boolean): boolean;
  (x: ArrayInput): NDArray;
};
