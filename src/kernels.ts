// The kernel table: an op and dtype name (exp_f64, add_i32, sum_f32, ...) maps to a function of
// the active backend. 'wasm-simd' and 'wasm' are the two builds of assembly/; 'js' is plain
// TypeScript over the same memory (src/js-kernels.ts), the reference and the baseline.
import type { DType } from './dtype.js';
import { describe } from './errors.js';
import { boolKernels } from './js-kernels/bool.js';
import {
  inNode,
  loadWasmKernels,
  relaxedSimdSupported,
  simdKernels,
  simdSupported,
  wasmKernels,
} from './wasm.js';

export type Backend = 'wasm-simd' | 'wasm' | 'js';
export const BACKENDS: readonly Backend[] = ['wasm-simd', 'wasm', 'js'];

/** Kernels take pointers (bytes), lengths and strides (elements) as plain numbers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Kernel = (...args: number[]) => any;
type KernelSet = Record<string, Kernel>;

// The 'js' backend is plain TypeScript (src/js-kernels.ts, with NumPy's ziggurat tables as
// literals: 35 kB, nearly a third of a bundle's minified code), so a web page loads it only
// when asked, as it does the no-SIMD build; Node loads both at import.
let jsKernels: KernelSet | undefined;
let jsLoading: Promise<KernelSet> | undefined;
function loadJsKernels(): Promise<KernelSet> {
  jsLoading ??= import('./js-kernels.js').then((module) => (jsKernels = module.jsKernels));
  return jsLoading;
}
if (inNode) await loadJsKernels();

// Read at each switch: the no-SIMD build and the 'js' backend may load after import.
function kernelSet(name: Backend): KernelSet | undefined {
  if (name === 'wasm-simd') return simdKernels as KernelSet | undefined;
  if (name === 'wasm') return wasmKernels as KernelSet | undefined;
  return jsKernels;
}

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
let active: KernelSet = kernelSet(activeName)!;
let cache: KernelCache = caches[activeName];

/**
 * np.setBackend: 'wasm-simd' (default where supported), 'wasm' (no SIMD) or 'js'. A web page
 * loads only its runtime's build: there, np.loadBackend('wasm' | 'js') loads another first.
 */
export function setBackend(name: Backend): void {
  checkBackendName('setBackend', name);
  const set = kernelSet(name);
  if (!set && name !== 'wasm-simd') {
    throw new Error(
      `setBackend: the '${name}' backend is not loaded in this page (a page loads only the ` +
        `build its runtime uses); await np.loadBackend('${name}') loads and selects it`,
    );
  }
  if (!set) {
    throw new Error(`setBackend: this runtime does not support ${name} (no WebAssembly SIMD)`);
  }
  activeName = name;
  active = set;
  cache = caches[name];
}

/** np.loadBackend: loads a backend's build if this page has not yet, then selects it. */
export async function loadBackend(name: Backend): Promise<void> {
  checkBackendName('loadBackend', name);
  if (name === 'wasm') await loadWasmKernels();
  if (name === 'js') await loadJsKernels();
  setBackend(name);
}

function checkBackendName(caller: string, name: unknown): asserts name is Backend {
  if (!(BACKENDS as readonly unknown[]).includes(name)) {
    throw new TypeError(
      `${caller}: unknown backend ${describe(name)} (expected ${BACKENDS.join(', ')})`,
    );
  }
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
  const fn = active[name] ?? boolKernels[name];
  if (!fn) throw new Error(`nnbasics: no kernel named ${name}`);
  return fn;
}

/** np.wasmFeatures: which WebAssembly features this runtime gave the kernels. */
export function wasmFeatures(): { simd: boolean; relaxedSimd: boolean } {
  return { simd: simdSupported, relaxedSimd: relaxedSimdSupported };
}
