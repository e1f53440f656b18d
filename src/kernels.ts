// The kernel table: an op and dtype name (exp_f64, add_i32, sum_f32, ...) maps to a function of
// the active backend. 'wasm-simd' and 'wasm' are the two builds of assembly/; 'js' is plain
// TypeScript over the same memory (src/js-kernels.ts), the reference and the baseline.
import type { DType } from './dtype.js';
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

/** Kernel name suffix of each dtype (bool is stored as bytes). */
export const SUFFIX: Record<DType, string> = {
  float64: 'f64',
  float32: 'f32',
  int32: 'i32',
  bool: 'u8',
};

// Kernels already looked up, by op and dtype, one table per backend: building the name
// `${op}_${suffix}` and looking it up cost about 0.15 us per call, a third of a small op's
// overhead.
type KernelCache = Record<string, Partial<Record<DType, Kernel>>>;
const caches: Record<Backend, KernelCache> = { 'wasm-simd': {}, wasm: {}, js: {} };

let activeName: Backend = simdKernels ? 'wasm-simd' : 'wasm';
let active: KernelSet = sets[activeName]!;
let cache: KernelCache = caches[activeName];

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
  cache = caches[name];
}

/** np.getBackend: the backend in use. */
export function getBackend(): Backend {
  return activeName;
}

/** The active backend's kernel of an op for a dtype (exp and float64: exp_f64). */
export function kernel(op: string, dtype: DType): Kernel {
  const byType = (cache[op] ??= {});
  return (byType[dtype] ??= lookUp(`${op}_${SUFFIX[dtype]}`));
}

// Kernels that are not per dtype (the random generators'), by full name, one table per backend.
const namedCaches: Record<Backend, Record<string, Kernel>> = { 'wasm-simd': {}, wasm: {}, js: {} };

/** The active backend's kernel of a full name (mt19937_random). */
export function namedKernel(name: string): Kernel {
  const named = namedCaches[activeName];
  return (named[name] ??= lookUp(name));
}

function lookUp(name: string): Kernel {
  const fn = active[name] ?? jsKernels[name];
  if (!fn) throw new Error(`nnbasics: no kernel named ${name}`);
  return fn;
}

/** np.wasmFeatures: which WebAssembly features this runtime gave the kernels. */
export function wasmFeatures(): { simd: boolean; relaxedSimd: boolean } {
  return { simd: simdSupported, relaxedSimd: relaxedSimdSupported };
}
