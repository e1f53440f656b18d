// The per-call row of `npm run bench`: the calls a learner's training step makes, at the planar
// network's shapes (X (2, 400), a hidden layer of 4: W1 (4, 2), A (4, 400), a (4, 1) bias, the
// output P (1, 400)), and at 1-D sizes 100 and 1,000: matrix products with .T views, broadcasting,
// JS numbers on either side, tanh, log, power, sums. nnbasics here, NumPy in its own process
// (bench/calls_numpy.py, the same inputs: np.random.seed(1) and randn give the same numbers);
// their samples alternate, and each call's result must agree before its time counts. Each
// nnbasics result is disposed at once, as np.tidy would. Prints one JSON array of CallTiming.
import np, { type NDArray } from 'nnbasics';
import { MeasuringProcess } from './measuring-process.js';
import { quick, timeCalls } from './measure.js';

export interface CallTiming {
  call: string;
  /** Microseconds per call, medians of interleaved samples. */
  nnbasics: number;
  numpy: number;
}

np.random.seed(1);
const X = np.random.randn(2, 400);
const W1 = np.random.randn(4, 2);
const W2 = np.random.randn(1, 4);
const b1 = np.random.randn(4, 1);
const A = np.tanh(np.random.randn(4, 400));
const B = np.random.randn(4, 400);
const P = np.tidy(() => np.divide(1, np.add(1, np.exp(np.negative(np.random.randn(1, 400))))));
const Q = np.abs(A);
const v100 = np.random.randn(100);
const v1000 = np.random.randn(1000);

/** Each call as NumPy spells it (bench/calls_numpy.py has the same names), and ours. */
const CALLS: Record<string, () => NDArray | number> = {
  'np.dot(W1, X)': () => np.dot(W1, X),
  'np.dot(W2, A)': () => np.dot(W2, A),
  'np.dot(P, A.T)': () => np.dot(P, A.T),
  'np.dot(A, X.T)': () => np.dot(A, X.T),
  'np.dot(W2.T, P)': () => np.dot(W2.T, P),
  'np.add(A, b1)': () => np.add(A, b1),
  'np.add(A, B)': () => np.add(A, B),
  'np.multiply(0.0025, A)': () => np.multiply(0.0025, A),
  'np.subtract(1, A)': () => np.subtract(1, A),
  'np.tanh(A)': () => np.tanh(A),
  'np.log(P)': () => np.log(P),
  'np.log(Q)': () => np.log(Q),
  'np.exp(A)': () => np.exp(A),
  'np.power(A, 2)': () => np.power(A, 2),
  'np.sum(A, axis=1, keepdims=True)': () => np.sum(A, { axis: 1, keepdims: true }),
  'np.add(v100, v100)': () => np.add(v100, v100),
  'np.add(v1000, v1000)': () => np.add(v1000, v1000),
  'np.multiply(2, v100)': () => np.multiply(2, v100),
  'np.exp(v1000)': () => np.exp(v1000),
};

const REPS = quick ? 200 : 2000;
const ROUNDS = quick ? 3 : 21;

/** Seconds per call of `reps` calls, each result disposed at once. */
function sample(call: () => NDArray | number, reps: number): number {
  return timeCalls(() => {
    const result = call();
    if (typeof result !== 'number') result.dispose();
  }, reps);
}

function sumOf(result: NDArray | number): number {
  if (typeof result === 'number') return result;
  try {
    return np.sum(result) as number;
  } finally {
    result.dispose();
  }
}

async function main(): Promise<void> {
  const script = new URL('./calls_numpy.py', import.meta.url).pathname;
  const numpy = await MeasuringProcess.start('python3', [script]);
  if (typeof numpy === 'string') throw new Error(`calls: NumPy did not start (${numpy})`);
  try {
    const theirs = await numpy.send<Record<string, number>>({ cmd: 'check' } as never);
    for (const [name, call] of Object.entries(CALLS)) {
      const ours = sumOf(call());
      const want = theirs[name];
      if (!(Math.abs(ours - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
        throw new Error(`calls: ${name} gives ${ours}, NumPy ${want}`);
      }
    }
    const times: Record<string, { nnbasics: number[]; numpy: number[] }> = {};
    for (const name of Object.keys(CALLS)) times[name] = { nnbasics: [], numpy: [] };
    for (const name of Object.keys(CALLS)) sample(CALLS[name], REPS); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const numpySeconds = await numpy.send<Record<string, number>>({
        cmd: 'sample',
        reps: REPS,
      } as never);
      for (const [name, call] of Object.entries(CALLS)) {
        times[name].numpy.push(numpySeconds[name]);
        times[name].nnbasics.push(sample(call, REPS));
      }
    }
    const median = (t: number[]) => [...t].sort((a, b) => a - b)[t.length >> 1];
    const rows: CallTiming[] = Object.entries(times).map(([call, t]) => ({
      call,
      nnbasics: median(t.nnbasics) * 1e6,
      numpy: median(t.numpy) * 1e6,
    }));
    console.log(JSON.stringify(rows));
  } finally {
    await numpy.close();
  }
}

await main();
