// `npm run bench [-- --quick]`: nnbasics (wasm-simd, wasm, js) against NumPy, TensorFlow.js,
// numjs, ndarray-ops and plain JavaScript, in one run on this machine. Every engine's output is
// checked against nnbasics' 'js' backend before its time counts. Writes bench/results/latest.json
// and bench/results/latest.svg.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import np from 'nnbasics';
import { drawChart, type Point } from './chart.js';
import {
  type DType,
  ENGINES,
  type Engine,
  type Inputs,
  MATMUL_SIDE,
  OPS,
  type Op,
  type Prepared,
  tfjsCpu,
  tfjsWasm,
} from './engines.js';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6, 1e7];
const DTYPES: DType[] = ['float64', 'float32'];
const SAMPLES = quick ? 3 : 7;
const MIN_SAMPLE_SECONDS = quick ? 0.004 : 0.02;
const here = dirname(fileURLToPath(import.meta.url));

interface Result {
  engine: string;
  op: Op;
  dtype: DType;
  n: number;
  status: 'ok' | 'wrong' | 'n/a' | 'error';
  nsPerElement?: number;
  spread?: number; // (q3 - q1) / median
  note?: string;
}

const MATMUL_N = MATMUL_SIDE * MATMUL_SIDE;
const sizesOf = (op: Op) => (op === 'matmul' ? [MATMUL_N] : SIZES);
/** The ops measured on an input: all but matmul, which runs once, with the smallest input. */
const opsOf = (input: Inputs) => OPS.filter((op) => op !== 'matmul' || input.n === SIZES[0]);
/** The N a cell is reported under: matmul's is its output size (256 x 256). */
const cellN = (op: Op, input: Inputs) => (op === 'matmul' ? MATMUL_N : input.n);

function makeInputs(dtype: DType, n: number): Inputs {
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
function signature(output: ArrayLike<number> | number): number[] {
  if (typeof output === 'number') return [output];
  const count = Math.min(64, output.length);
  return Array.from({ length: count }, (_, i) =>
    Number(output[Math.round((i * (output.length - 1)) / Math.max(1, count - 1))]),
  );
}

/** The largest error relative to the reference's magnitude; Infinity when NaNs disagree. */
function mismatch(got: number[], want: number[]): number {
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

const tolerance = (dtype: DType) => (dtype === 'float64' ? 1e-9 : 3e-3);

/** Median seconds per call and the interquartile spread, after warming up. */
function measure(run: () => void): { median: number; spread: number } {
  const start = performance.now();
  run();
  const first = (performance.now() - start) / 1000;
  // Warm up for at least 0.2 s (5 calls at the least): the first calls of a wasm function run
  // in V8's baseline tier until the optimized code is ready.
  const warmupEnd = performance.now() + 200;
  if (first > 0.3) run();
  else for (let i = 0; i < 5 || performance.now() < warmupEnd; i++) run();
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

function progress(text: string): void {
  process.stderr.write(`\r\x1b[K${text}`);
}

// ---------------------------------------------------------------- NumPy

function numpyAvailable(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

interface NumpyResult {
  op: Op;
  dtype: DType;
  n: number;
  median: number;
  q1: number;
  q3: number;
  signature: number[];
}

function runNumpy(inputs: Inputs[]): NumpyResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'nnbasics-bench-'));
  try {
    const cells = inputs.flatMap((input) =>
      opsOf(input).map((op) => {
        const files: Record<string, string> = {};
        for (const name of op === 'matmul' ? ['a', 'b'] : ['x', 'y']) {
          const path = join(dir, `${input.dtype}-${input.n}-${name}.bin`);
          const data = input[name as 'x'];
          writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          files[name] = path;
        }
        return { op, dtype: input.dtype, n: cellN(op, input), inputs: files };
      }),
    );
    progress(`numpy: ${cells.length} cells…`);
    // One thread for BLAS, as the JS engines have; OPENBLAS_CORETYPE and L2_SIZE (set on some
    // machines here to work around old OpenBLAS bugs) would slow a current NumPy: unset both.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OPENBLAS_NUM_THREADS: '1',
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
    };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const stdout = execFileSync('python3', [join(here, 'numpy_bench.py')], {
      input: JSON.stringify({ cells, samples: SAMPLES, minSampleSeconds: MIN_SAMPLE_SECONDS }),
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    return (JSON.parse(stdout) as { results: NumpyResult[] }).results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const numpyVersion = numpyAvailable();
  const tfWasmOk = await tfjsWasm.ready().catch(() => false);
  const tfCpuOk = await tfjsCpu.ready();
  const inputs = DTYPES.flatMap((dtype) => SIZES.map((n) => makeInputs(dtype, n)));
  const results: Result[] = [];
  if (!numpyVersion) console.log('NumPy: not measured (python3 with numpy was not found).');

  const references = new Map<string, number[]>();
  const key = (op: Op, dtype: DType, n: number) => `${op} ${dtype} ${n}`;

  for (const input of inputs) {
    const ops = opsOf(input);
    // The reference: nnbasics' plain-TypeScript backend.
    const reference = ENGINES.find((e) => e.name === 'nnbasics js')!;
    for (const op of ops) {
      const prepared = reference.prepare(op, input)!;
      references.set(key(op, input.dtype, cellN(op, input)), signature(prepared.output()));
      prepared.dispose();
    }
    // NumPy runs on the same inputs just before the JS engines, so that the machine's drift
    // over a long run touches every engine of a row alike.
    for (const result of numpyVersion ? runNumpy([input]) : []) {
      const error = mismatch(
        result.signature,
        references.get(key(result.op, result.dtype, result.n))!,
      );
      results.push({
        engine: 'numpy',
        op: result.op,
        dtype: result.dtype,
        n: result.n,
        ...(error <= tolerance(input.dtype)
          ? {
              status: 'ok',
              nsPerElement: (result.median * 1e9) / result.n,
              spread: (result.q3 - result.q1) / result.median,
            }
          : { status: 'wrong', note: `relative error ${error.toExponential(2)}` }),
      });
    }
    for (const engine of ENGINES) {
      if (!engine.dtypes.includes(input.dtype)) continue;
      if ((engine === tfjsWasm && !tfWasmOk) || (engine === tfjsCpu && !tfCpuOk)) continue;
      if (engine === tfjsCpu || engine === tfjsWasm) await (engine as typeof tfjsCpu).ready();
      for (const op of ops) {
        progress(`${engine.name}: ${op} ${input.dtype} N=${input.n}`);
        results.push(
          runCell(engine, op, input, references.get(key(op, input.dtype, cellN(op, input)))!),
        );
      }
    }
  }
  process.stderr.write('\r\x1b[K');
  report(results, numpyVersion);
}

function runCell(engine: Engine, op: Op, input: Inputs, reference: number[]): Result {
  const cell = { engine: engine.name, op, dtype: input.dtype, n: cellN(op, input) };
  let prepared: Prepared | undefined;
  try {
    prepared = engine.prepare(op, input);
    if (!prepared) return { ...cell, status: 'n/a' };
    const error = mismatch(signature(prepared.output()), reference);
    if (!(error <= tolerance(input.dtype)))
      return { ...cell, status: 'wrong', note: `relative error ${error.toExponential(2)}` };
    const { median, spread } = measure(prepared.run);
    return { ...cell, status: 'ok', nsPerElement: (median * 1e9) / cell.n, spread };
  } catch (error) {
    return { ...cell, status: 'error', note: String(error).slice(0, 200) };
  } finally {
    prepared?.dispose();
  }
}

function report(results: Result[], numpyVersion: string | undefined): void {
  const engines = [...new Set(results.map((r) => r.engine))];
  const date = new Date().toISOString();
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
  for (const dtype of DTYPES) {
    const shown = engines.filter((e) =>
      results.some((r) => r.engine === e && r.dtype === dtype && r.status !== 'n/a'),
    );
    console.log(
      `\n${dtype}: ns per element (median; matmul: per output element of 256x256 @ 256x256), ratio to NumPy in brackets`,
    );
    console.log(['op'.padEnd(14), 'N'.padStart(9), ...shown.map((e) => e.padStart(21))].join(''));
    for (const op of OPS) {
      for (const n of sizesOf(op)) {
        const numpy = results.find(
          (r) => r.engine === 'numpy' && r.op === op && r.dtype === dtype && r.n === n,
        );
        const cells = shown.map((engine) => {
          const r = results.find(
            (q) => q.engine === engine && q.op === op && q.dtype === dtype && q.n === n,
          );
          if (!r || r.status !== 'ok') return (r?.status ?? '').padStart(21);
          const ratio =
            numpy?.nsPerElement && engine !== 'numpy'
              ? ` (${(r.nsPerElement! / numpy.nsPerElement).toFixed(2)})`
              : '';
          return `${fmt(r.nsPerElement!)}${ratio}`.padStart(21);
        });
        console.log(
          [op.padEnd(14), n.toExponential(0).replace('+', '').padStart(9), ...cells].join(''),
        );
      }
    }
  }
  const problems = results.filter((r) => r.status === 'wrong' || r.status === 'error');
  for (const p of problems)
    console.log(`${p.engine} ${p.op} ${p.dtype} N=${p.n}: ${p.status} (${p.note})`);
  const outDir = join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  const meta = { date, machine, quick, numpy: numpyVersion ?? null };
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ ...meta, results }, null, 1) + '\n');
  const points: Point[] = results
    .filter((r) => r.status === 'ok' && r.op !== 'matmul')
    .map((r) => ({
      engine: r.engine,
      op: r.op,
      dtype: r.dtype,
      n: r.n,
      nsPerElement: r.nsPerElement!,
    }));
  writeFileSync(
    join(outDir, 'latest.svg'),
    drawChart(points, `nnbasics bench, ${date.slice(0, 10)}: ${machine}`),
  );
  console.log(
    `\nwrote bench/results/latest.json and bench/results/latest.svg (${date}; ${machine}; NumPy ${numpyVersion ?? 'absent'})`,
  );
}

function fmt(ns: number): string {
  return ns >= 100 ? ns.toFixed(0) : ns >= 10 ? ns.toFixed(1) : ns.toFixed(2);
}

await main();
