// What every measuring process of `npm run bench` shares: the inputs (the same seed everywhere),
// the timing protocol, and the correctness check against the reference's output.
import np, { type NDArray } from 'nnbasics';
import { type DType, type Inputs, MATMUL_SIDE } from './nnbasics-engine.js';

export const quick = process.argv.includes('--quick');
/**
 * A sample repeats calls for at least this long. It is short so that the engines' samples of a
 * cell interleave finely: this machine's speed changes from one 20 ms slice to the next.
 */
export const MIN_SAMPLE_SECONDS = 0.002;
/** Warm-up before the samples of a cell (--quick trades some of it for a run under a minute). */
export const WARMUP = { seconds: quick ? 0.05 : 0.2, calls: quick ? 3 : 5 };
/** A call this long (a plain loop at N = 1e7) is warm after one call and needs no warm-up. */
export const LONG_CALL_SECONDS = 0.3;
/** Below this, a sample starts with an untimed call (takeSample); above, that would not matter. */
export const UNTIMED_CALL_BELOW_SECONDS = 0.1;

export function makeInputs(dtype: DType, n: number): Inputs {
  const rng = np.random.defaultRng(2026);
  const Typed = dtype === 'float64' ? Float64Array : Float32Array;
  // Drawn as float64 (JS arrays of the values), then held in the dtype's typed array.
  const draw = (array: NDArray, scale = 1) => {
    try {
      const out = new Typed(array.size);
      const values = array.data;
      for (let i = 0; i < out.length; i++) out[i] = scale * values[i];
      return out;
    } finally {
      array.dispose();
    }
  };
  const side = MATMUL_SIDE * MATMUL_SIDE;
  return {
    dtype,
    n,
    x: draw(rng.standardNormal([n]), 2),
    y: draw(rng.random([n])),
    a: draw(rng.standardNormal([side])),
    b: draw(rng.standardNormal([side])),
  };
}

/** Up to 64 values at evenly spaced indices (all of them for short outputs); a number stays one. */
export function signature(output: ArrayLike<number> | number): number[] {
  if (typeof output === 'number') return [output];
  const count = Math.min(64, output.length);
  return Array.from({ length: count }, (_, i) =>
    Number(output[Math.round((i * (output.length - 1)) / Math.max(1, count - 1))]),
  );
}

/**
 * The largest error relative to the reference's magnitude (that of its largest finite value, for
 * elements far below it); Infinity when NaNs or infinities disagree.
 */
export function mismatch(got: number[], want: number[]): number {
  if (got.length !== want.length) return Infinity;
  const scale = Math.max(1e-30, ...want.filter(Number.isFinite).map(Math.abs));
  let worst = 0;
  got.forEach((g, i) => {
    const w = want[i];
    if (Number.isNaN(w) || Number.isNaN(g))
      worst = Number.isNaN(w) && Number.isNaN(g) ? worst : Infinity;
    else if (g === w) return;
    else if (!Number.isFinite(g) || !Number.isFinite(w)) worst = Infinity;
    else worst = Math.max(worst, Math.abs(g - w) / Math.max(Math.abs(w), scale * 1e-3));
  });
  return worst;
}

export const tolerance = (dtype: DType) => (dtype === 'float64' ? 1e-9 : 3e-3);

/**
 * Warms an op up and sizes its samples: the calls per sample (so that one lasts at least
 * MIN_SAMPLE_SECONDS) and the seconds per call they took. numpy_bench.py does the same in Python.
 */
export function warmUp(run: () => void): { reps: number; callSeconds: number } {
  const start = performance.now();
  run();
  const first = (performance.now() - start) / 1000;
  // Warm up for WARMUP.seconds (WARMUP.calls at the least): the first calls of a wasm function
  // run in V8's baseline tier until the optimized code is ready. A long call needs no more than
  // one call before its timed ones.
  if (first <= LONG_CALL_SECONDS) {
    const end = performance.now() + WARMUP.seconds * 1000;
    for (let i = 0; i < WARMUP.calls || performance.now() < end; i++) run();
  }
  for (let reps = 1; ; reps *= 2) {
    const seconds = timeCalls(run, reps);
    if (seconds * reps >= MIN_SAMPLE_SECONDS || reps >= 1 << 20)
      return { reps, callSeconds: seconds };
  }
}

/**
 * One sample: seconds per call over `reps` calls in a row, after one untimed call. The process has
 * waited while the other engines took their samples, and that first call would pay for bringing
 * the op's data (and the process) back into the caches: at N = 1e5 up to twice a warm call's time.
 * A call of UNTIMED_CALL_BELOW_SECONDS or more is long enough for that not to matter.
 */
export function takeSample(run: () => void, reps: number, callSeconds: number): number {
  if (callSeconds < UNTIMED_CALL_BELOW_SECONDS) run();
  return timeCalls(run, reps);
}

/** Seconds per call over `reps` calls in a row. */
export function timeCalls(run: () => void, reps: number): number {
  const start = performance.now();
  for (let i = 0; i < reps; i++) run();
  return (performance.now() - start) / 1000 / reps;
}
