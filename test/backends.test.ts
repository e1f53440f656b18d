// np.setBackend switches every op to the chosen backend's kernels, including ops that already
// ran on another backend (kernels are looked up once per backend, op and dtype, then cached).
import { afterEach, expect, test, vi } from 'vitest';
import np from '../src/index.js';
import { jsKernels } from '../src/js-kernels.js';

afterEach(() => {
  vi.restoreAllMocks();
  np.setBackend('wasm-simd');
});

test('an op runs on the backend in use, before and after switching', () => {
  // Installed before any op of this file runs, so no cached lookup can predate it.
  const jsExp = vi.spyOn(jsKernels, 'exp_f64');
  using x = np.array([0.5, -1, 2]);
  using onSimd = np.exp(x);
  expect(jsExp).not.toHaveBeenCalled();
  np.setBackend('js');
  using onJs = np.exp(x);
  expect(jsExp).toHaveBeenCalledTimes(1);
  np.setBackend('wasm');
  using onWasm = np.exp(x);
  np.setBackend('wasm-simd');
  using again = np.exp(x);
  expect(jsExp).toHaveBeenCalledTimes(1);
  for (const result of [onJs, onWasm, again]) expect(result.toArray()).toEqual(onSimd.toArray());
});
