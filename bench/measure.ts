// What every measuring process of `npm run bench` shares: the inputs (the same seed everywhere),
// the timing protocol, and the correctness check against the reference's output.
import np from 'nnbasics';
import { type DType, type Inputs, MATMUL_SIDE } from './nnbasics-engine.js';

export const quick = process.argv.includes('--quick');
export const SAMPLES = quick ? 3 : 7;
export const MIN_SAMPLE_SECONDS = quick ? 0.004 : 0.02;
/** Warm-up before the samples of a cell (--quick trades some of it for a run under a minute). */
const WARMUP_MS = quick ? 50 : 200;
const WARMUP_CALLS = quick ? 3 : 5;

export function makeInputs(dtype: DType, n: number): Inputs {
  const rng = np.random.defaultRng(2026);
  const Typed = dtype === 'float64' ? Float64Array : Float32Array;
  const draw = (fn: () => number, size: number) => {
    const out = new Typed(size);
    for (let i = 0; i < size; i++) out[i] = fn();
    return out;
  };
  const side = MATMUL_SIDE * MATMUL_SIDE;
  return {
    dtype,
    n,
    x: draw(() => 2 * rng.nextNormal(), n),
    y: draw(() => rng.nextDouble(), n),
    a: draw(() => rng.nextNormal(), side),
    b: draw(() => rng.nextNormal(), side),
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

/** The largest error relative to the reference's magnitude; Infinity when NaNs disagree. */
export function mismatch(got: number[], want: number[]): number {
  if (got.length !== want.length) return Infinity;
  const scale = Math.max(1e-30, ...want.map(Math.abs));
  let worst = 0;
  got.forEach((g, i) => {
    const w = want[i];
    if (Number.isNaN(w) || Number.isNaN(g))
      worst = Number.isNaN(w) && Number.isNaN(g) ? worst : Infinity;
    else worst = Math.max(worst, Math.abs(g - w) / Math.max(Math.abs(w), scale * 1e-3));
  });
  return worst;
}

export const tolerance = (dtype: DType) => (dtype === 'float64' ? 1e-9 : 3e-3);

/** Median seconds per call and the interquartile spread, after warming up. */
export function measure(run: () => void): { median: number; spread: number } {
  const start = performance.now();
  run();
  const first = (performance.now() - start) / 1000;
  // Warm up for WARMUP_MS (WARMUP_CALLS at the least): the first calls of a wasm function run
  // in V8's baseline tier until the optimized code is ready.
  const warmupEnd = performance.now() + WARMUP_MS;
  if (first > 0.3) run();
  else for (let i = 0; i < WARMUP_CALLS || performance.now() < warmupEnd; i++) run();
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) run();
    if ((performance.now() - t) / 1000 >= MIN_SAMPLE_SECONDS || reps >= 1 << 20) break;
    reps *= 2;
  }
  const samples = first > 0.3 ? 3 : SAMPLES;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) run();
    times.push((performance.now() - t) / 1000 / reps);
  }
  times.sort((p, q) => p - q);
  const median = times[Math.floor(times.length / 2)];
  const spread =
    (times[Math.floor((3 * times.length) / 4)] - times[Math.floor(times.length / 4)]) / median;
  return { median, spread };
}
