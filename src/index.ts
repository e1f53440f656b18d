// nnbasics: NumPy's neural-network basics for JavaScript.
import { np } from './np.js';
import * as nn from './nn.js';

export default np;
export { np, nn };
export { NDArray, type NestedArray } from './ndarray.js';
export { ValueError, AxisError, IndexError, LinAlgError } from './errors.js';
export type { DType } from './dtype.js';
export type { Backend } from './kernels.js';
export type { ArrayInput, AxisArgument } from './ndarray.js';
export type { IndexKey } from './indexing.js';
export { Slice } from './indexing.js';
export type { DTypeOptions, LinspaceOptions } from './ops/create.js';
export type { PrintOptions } from './format/options.js';
export type { Generator } from './random/generator.js';
export type { RandomState } from './random/legacy.js';
