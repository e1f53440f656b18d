// The kernel table: an op and dtype name (exp_f64, add_i32, sum_f32, ...) maps to a function of
// the active backend. 'wasm-simd' and 'wasm' are the two builds of assembly/; 'js' is plain
// TypeScript over the same memory (src/js-kernels.ts), the reference and the baseline.
import { describe } from './errors.js';
import { jsKernels } from './js-kernels.js';
import { relaxedSimdSupported, simdKernels, simdSupported, wasmKernels } from './wasm.js';

export type Backend = 'wasm-simd' | 'wasm' | 'js';
export const BACKENDS: readonly Backend[] = ['wasm-simd', 'wasm', 'js'];

/** Kernels take pointers (bytes), lengths and strides (elements) as plain numbers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Kernel = (...args: number[]) => any;
type KernelSet = Record<string, Kernel>;

const sets: Record<Backend, KernelSet | undefined> = {
  'wasm-simd': simdKernels as KernelSet | undefined,
  wasm: wasmKernels as KernelSet,
  js: jsKernels,
};

let activeName: Backend = simdKernels ? 'wasm-simd' : 'wasm';
let active: KernelSet = sets[activeName]!;

/** np.setBackend: 'wasm-simd' (default where supported), 'wasm' (no SIMD) or 'js'. */
export function setBackend(name: Backend): void {
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new TypeError(
      `setBackend: unknown backend ${describe(name)} (expected ${BACKENDS.join(', ')})`,
    );
  }
  const set = sets[name];
  if (!set)
    throw new Error(`setBackend: this runtime does not support ${name} (no WebAssembly SIMD)`);
  activeName = name;
  active = set;
}

/** np.getBackend: the backend in use. */
export function getBackend(): Backend {
  return activeName;
}

/** The active backend's kernel of this name. */
export function kernel(name: string): Kernel {
  const fn = active[name] ?? jsKernels[name];
  if (!fn) throw new Error(`nnbasics: no kernel named ${name}`);
  return fn;
}

/** np.wasmFeatures: which WebAssembly features this runtime gave the kernels. */
export function wasmFeatures(): { simd: boolean; relaxedSimd: boolean } {
  return { simd: simdSupported, relaxedSimd: relaxedSimdSupported };
}
