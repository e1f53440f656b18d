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
export type { DTypeName, TypedArray } from './dtype.js';
export type { VarianceArgument } from './ndarray.js';
export type { BinaryFunction, Comparison, Predicate, UnaryFunction } from './ufunc-types.js';
export type { ArgmaxOptions } from './ops/reduce.js';
export type { CloseOptions } from './ops/logic.js';
export type { EyeOptions } from './ops/shapes.js';
export type { MeshgridOptions } from './ops/joins.js';
export type { NormOptions, NormOrder } from './ops/linalg.js';
export type { SvdOptions } from './ops/svd.js';
export type { ChoiceOptions } from './random/legacy.js';
export type { FloatOptions, GeneratorChoiceOptions, IntegersOptions } from './random/generator.js';
export type { Dims, Size } from './random/sizes.js';
