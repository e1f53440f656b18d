// The relaxed-SIMD build against the plain SIMD build, kernel against kernel, in one process
// (`npm run bench` runs it last; Node 20 needs --experimental-wasm-relaxed-simd). Each build is
// its own instance with its own memory, fed the same inputs, and the two builds' samples of a
// kernel alternate. Measured through the API, in processes of their own (the 'nnbasics
// relaxed-simd' column), the two builds' ratio moved with each process's luck as much as fusing
// changes it (float64 exp: 1.12x, 1.12x and 0.87x in three full runs). Here the builds share the
// process, its memory's pages and the machine's moments, but not their compiled code: three
// runs of this script gave float64 exp 1.25x, 1.56x and 1.27x, float32 sigmoid 1.10x to 1.67x.
// Prints one JSON array: a RelaxedPair per kernel.
import { readFileSync } from 'node:fs';
import { makeInputs, mismatch, signature, takeSample, tolerance, warmUp } from './measure.js';
import { COLS, type DType, EXP_BOUND_OPS } from './nnbasics-engine.js';
import type { RelaxedPair } from './speed-section.js';

const N = 1e5;
const SAMPLES = process.argv.includes('--quick') ? 15 : 101;
const IN = 1 << 20; // inputs from 1 MiB (above every build's static data), outputs after them
const OUT = IN + 8 * N + 4096;

type Kernel = (...args: number[]) => void;

/** A build's own instance with x at IN: call(op) makes a call of op's kernel, output() reads it. */
function instance(file: string, dtype: DType, x: Float64Array | Float32Array) {
  const memory = new WebAssembly.Memory({ initial: 64 });
  const module = new WebAssembly.Module(readFileSync(new URL(`../build/${file}`, import.meta.url)));
  const imports = {
    env: {
      memory,
      abort: () => {
        throw new Error(`${file}: a kernel aborted`);
      },
    },
  };
  const exports = new WebAssembly.Instance(module, imports).exports as Record<string, Kernel>;
  const Typed = dtype === 'float64' ? Float64Array : Float32Array;
  new Typed(memory.buffer, IN, N).set(x);
  const suffix = dtype === 'float64' ? 'f64' : 'f32';
  return {
    // The kernels' arguments as src/ passes them: exp and the sigmoid over one contiguous row,
    // softmax over rows of COLS.
    call(op: string): () => void {
      if (op === 'softmax') {
        const kernel = exports[`softmaxRows_${suffix}`];
        return () => kernel(N / COLS, COLS, IN, COLS, 1, OUT);
      }
      const kernel = exports[`${op}_${suffix}`];
      return () => kernel(1, N, IN, 0, 1, OUT, 0, 1);
    },
    output: () => signature(new Typed(memory.buffer, OUT, N)),
  };
}

function measure(op: string, dtype: DType): RelaxedPair {
  const { x } = makeInputs(dtype, N);
  const plain = instance('nnbasics-simd.wasm', dtype, x);
  const relaxed = instance('nnbasics-relaxed-simd.wasm', dtype, x);
  const runPlain = plain.call(op);
  const runRelaxed = relaxed.call(op);
  const p = warmUp(runPlain);
  const r = warmUp(runRelaxed);
  const error = mismatch(relaxed.output(), plain.output());
  if (!(error <= tolerance(dtype)))
    throw new Error(`relaxed-ab: ${op} ${dtype} differs between the builds by ${error}`);
  const times: { plain: number[]; relaxed: number[] } = { plain: [], relaxed: [] };
  for (let i = 0; i < SAMPLES; i++) {
    times.plain.push(takeSample(runPlain, p.reps, p.callSeconds));
    times.relaxed.push(takeSample(runRelaxed, r.reps, r.callSeconds));
  }
  const median = (t: number[]) => [...t].sort((a, b) => a - b)[t.length >> 1];
  const ns = (t: number[]) => (median(t) * 1e9) / N;
  return {
    op,
    dtype,
    n: N,
    plain: ns(times.plain),
    relaxed: ns(times.relaxed),
    samples: SAMPLES,
  };
}

if (
  !WebAssembly.validate(
    readFileSync(new URL('../build/nnbasics-relaxed-simd.wasm', import.meta.url)),
  )
)
  throw new Error('relaxed-ab: this runtime has no relaxed SIMD');
const pairs = (['float64', 'float32'] as const).flatMap((dtype) =>
  EXP_BOUND_OPS.map((op) => measure(op, dtype)),
);
console.log(JSON.stringify(pairs));
