// The bool kernels that only the 'js' backend writes (assembly/ has none): NumPy's logical forms
// of the arithmetic ufuncs on bytes. Every backend uses these, so they load with the package,
// unlike the rest of the 'js' backend.
import { mapKernel, zipKernel } from './views.js';

const or = zipKernel('u8', 'u8', (a, b) => a | b);
const and = zipKernel('u8', 'u8', (a, b) => a & b);

export const boolKernels: Record<string, (...args: number[]) => unknown> = {
  add_u8: or,
  multiply_u8: and,
  maximum_u8: or,
  minimum_u8: and,
  abs_u8: mapKernel('u8', 'u8', (x) => x),
};
