// The random row of `npm run bench`: NumPy's generators in nnbasics against NumPy itself, filling
// N = 1e3 and 1e6 doubles: the legacy np.random.randn (MT19937, polar normals), and the
// Generator's standard_normal (PCG64, ziggurat) and random. NumPy runs in its measuring process
// (bench/numpy_bench.py); nnbasics here; their samples alternate. Before timing, both are
// reseeded to 0 and their first outputs must agree (they are the same numbers). Prints one JSON
// array of RandomRow.
import np from 'nnbasics';
import { MeasuringProcess } from './measuring-process.js';
import {
  LONG_CALL_SECONDS,
  MIN_SAMPLE_SECONDS,
  UNTIMED_CALL_BELOW_SECONDS,
  WARMUP,
  mismatch,
  quick,
  signature,
  takeSample,
  warmUp,
} from './measure.js';
import type { PrepareReply, SampleReply } from './protocol.js';

export const RANDOM_OPS = ['randn', 'standardNormal', 'random'] as const;
export type RandomOp = (typeof RANDOM_OPS)[number];
const SIZES = [1e3, 1e6];
const SAMPLES = quick ? 11 : 41;

export interface RandomRow {
  op: RandomOp;
  n: number;
  /** ns per element, medians of interleaved samples. */
  numpy: number;
  nnbasics: number;
}

/** nnbasics' call of op (one fill of n, disposed), and how to reseed what it draws from. */
function nnbasicsCall(op: RandomOp, n: number) {
  let rng = np.random.defaultRng(0);
  const draw = {
    randn: () => np.random.randn(n),
    standardNormal: () => rng.standardNormal([n]),
    random: () => rng.random([n]),
  }[op];
  return {
    run: () => draw().dispose(),
    first(): number[] {
      np.random.seed(0);
      rng = np.random.defaultRng(0);
      const out = draw();
      try {
        return signature(Array.from(out.data));
      } finally {
        out.dispose();
      }
    },
  };
}

async function main(): Promise<void> {
  const settings = {
    minSampleSeconds: MIN_SAMPLE_SECONDS,
    warmupSeconds: WARMUP.seconds,
    warmupCalls: WARMUP.calls,
    longCallSeconds: LONG_CALL_SECONDS,
    untimedCallBelowSeconds: UNTIMED_CALL_BELOW_SECONDS,
  };
  const script = new URL('./numpy_bench.py', import.meta.url).pathname;
  const numpy = await MeasuringProcess.start('python3', [script, JSON.stringify(settings)]);
  if (typeof numpy === 'string') throw new Error(`random: NumPy did not start (${numpy})`);
  const rows: RandomRow[] = [];
  try {
    for (const op of RANDOM_OPS) {
      for (const n of SIZES) {
        const prepared = await numpy.send<PrepareReply>({
          cmd: 'prepare',
          // The protocol's ops are the JS engines'; numpy_bench.py also knows the random fills.
          op: op as never,
          dtype: 'float64',
          n,
        });
        if (prepared.status !== 'ok')
          throw new Error(`random: NumPy ${op}: ${JSON.stringify(prepared)}`);
        const ours = nnbasicsCall(op, n);
        const error = mismatch(ours.first(), prepared.signature!);
        if (error !== 0)
          throw new Error(`random: ${op} N=${n} is not NumPy's stream (error ${error})`);
        const { reps, callSeconds } = warmUp(ours.run);
        const times = { numpy: [] as number[], nnbasics: [] as number[] };
        for (let i = 0; i < SAMPLES; i++) {
          times.numpy.push((await numpy.send<SampleReply>({ cmd: 'sample' })).seconds);
          times.nnbasics.push(takeSample(ours.run, reps, callSeconds));
        }
        await numpy.send({ cmd: 'dispose' });
        const median = (t: number[]) => [...t].sort((a, b) => a - b)[t.length >> 1];
        rows.push({
          op,
          n,
          numpy: (median(times.numpy) * 1e9) / n,
          nnbasics: (median(times.nnbasics) * 1e9) / n,
        });
      }
    }
  } finally {
    await numpy.close();
  }
  console.log(JSON.stringify(rows));
}

await main();
