// nnbasics on its kernel threads against the same build on one thread, op against op in one
// process (`npm run bench` runs it after the engines' rounds). The threads engine and OURS are
// measured in processes of their own too, but a process's luck (its pages, its code's placement)
// moves a memory-bound cell by 5-14% between two processes, and an op that never splits (l2 at
// 1e7) then looks 5-14% slower on threads. Here one prepared op runs with np.setThreads(1) and
// with the threads in alternate samples, on the same arrays, and the two must give the same bits.
// Prints one JSON array: a ThreadsPair per cell.
import np from 'nnbasics';
import { makeInputs, mismatch, signature, takeSample, warmUp } from './measure.js';
import { type Inputs, MATMUL_SIDE, type Op, OPS, nnbasics } from './nnbasics-engine.js';
import type { ThreadsPair } from './threads-section.js';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6, 1e7];
// Pairs of samples per cell: at least MIN_PAIRS, and more until each side has SECONDS of them
// (a cell at 1e3 takes a sample in 2 ms; 31 of them moved by up to 20% between cells).
const MIN_PAIRS = quick ? 7 : 31;
const MAX_PAIRS = quick ? 7 : 301;
const SECONDS = quick ? 0 : 0.4;
const MATMUL_N = MATMUL_SIDE * MATMUL_SIDE;

const threads = np.getThreads();
if (threads === 1) throw new Error('threads-ab: this runtime runs one thread');
// A worker takes 35-55 ms to start: the first warm-up should not run without it.
await new Promise((resolve) => setTimeout(resolve, 300));

const engine = nnbasics('wasm-simd', 'nnbasics threads', threads);
const median = (t: number[]) => [...t].sort((a, b) => a - b)[t.length >> 1];

/** One op on one input; matmul multiplies the input's (256, 256) a and b whatever its n. */
function measure(op: Op, inputs: Inputs): ThreadsPair {
  const { dtype } = inputs;
  const n = op === 'matmul' ? MATMUL_N : inputs.n;
  const prepared = engine.prepare(op, inputs)!;
  try {
    const on = (count: number) => () => {
      np.setThreads(count);
      prepared.run();
    };
    const runOne = on(1);
    const runThreaded = on(threads);
    np.setThreads(1);
    const one = signature(prepared.output!());
    np.setThreads(threads);
    const threaded = signature(prepared.output!());
    if (mismatch(threaded, one) !== 0)
      throw new Error(`threads-ab: ${op} ${dtype}@${n} differs between one thread and threads`);
    const o = warmUp(runOne);
    const t = warmUp(runThreaded);
    const times = { one: [] as number[], threaded: [] as number[] };
    const spent = { one: 0, threaded: 0 };
    while (
      times.one.length < MIN_PAIRS ||
      (times.one.length < MAX_PAIRS && Math.min(spent.one, spent.threaded) < SECONDS)
    ) {
      const one = takeSample(runOne, o.reps, o.callSeconds);
      const threaded = takeSample(runThreaded, t.reps, t.callSeconds);
      times.one.push(one);
      times.threaded.push(threaded);
      spent.one += one * o.reps;
      spent.threaded += threaded * t.reps;
    }
    const ns = (s: number[]) => (median(s) * 1e9) / n;
    return {
      op,
      dtype,
      n,
      one: ns(times.one),
      threaded: ns(times.threaded),
      samples: times.one.length,
    };
  } finally {
    prepared.dispose();
    np.setThreads(threads);
  }
}

const pairs: ThreadsPair[] = [];
for (const dtype of ['float64', 'float32'] as const) {
  for (const n of SIZES) {
    const inputs = makeInputs(dtype, n);
    // matmul once per dtype, as in the engines' rounds.
    for (const op of OPS.filter((o) => o !== 'matmul' || n === SIZES[0]))
      pairs.push(measure(op, inputs));
  }
}
console.log(JSON.stringify(pairs));
