// `npm run bench [-- --quick]`: nnbasics (wasm-simd, its relaxed-SIMD build, wasm, js) against
// NumPy, TensorFlow.js, numjs, ndarray-ops and plain JavaScript, and the memory-bandwidth floor,
// in one run on this machine. Every engine's output is checked against nnbasics' 'js' backend
// before its time counts. Writes bench/results/latest.json and bench/results/latest.svg.
import './plain-simd.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawChart, type Point } from './chart.js';
import { readFloor } from './floor.js';
import {
  type DType,
  ENGINES,
  EXP_BOUND_OPS,
  type Engine,
  type Inputs,
  MATMUL_SIDE,
  OPS,
  type Op,
  type Prepared,
  tfjsCpu,
  tfjsWasm,
} from './engines.js';
import {
  MIN_SAMPLE_SECONDS,
  SAMPLES,
  makeInputs,
  measure,
  mismatch,
  quick,
  signature,
  tolerance,
} from './measure.js';
import type { BuildCell, SimdBuild } from './simd-build.js';

const SIZES = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6, 1e7];
const DTYPES: DType[] = ['float64', 'float32'];
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
    // Every engine measures every cell in ROUNDS rounds, the cell keeping its fastest: this
    // machine has slow spells of tens of seconds (other guests on the host, most likely) that
    // can double a round's times, and a round takes about as long as a spell. NumPy runs on the
    // same inputs just before the JS engines in each round, so that the machine's drift over a
    // long run touches every engine of a row alike.
    const rounds: Result[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cells: Result[] = [];
      for (const result of numpyVersion ? runNumpy([input]) : []) {
        const error = mismatch(
          result.signature,
          references.get(key(result.op, result.dtype, result.n))!,
        );
        cells.push({
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
          progress(`${engine.name}: ${op} ${input.dtype} N=${input.n} (round ${round + 1})`);
          cells.push(
            runCell(engine, op, input, references.get(key(op, input.dtype, cellN(op, input)))!),
          );
        }
      }
      rounds.push(cells);
    }
    results.push(...fastestOfRounds(rounds));
    // The relaxed-SIMD comparison: at every N in a full run, at N = 1e5 only with --quick.
    if (!quick || input.n === 1e5) {
      progress(`nnbasics SIMD builds in processes of their own: ${input.dtype} N=${input.n}`);
      results.push(
        ...runSimdBuilds(input, (op) => references.get(key(op, input.dtype, cellN(op, input)))!),
      );
    }
    progress(`${FLOOR}: ${input.dtype} N=${input.n}`);
    results.push(...(await floorCells(input)));
  }
  process.stderr.write('\r\x1b[K');
  report(results, numpyVersion);
}

/** Rounds per cell in the main process (the SIMD builds' own processes take three). */
const ROUNDS = quick ? 1 : 3;

/**
 * Each cell's fastest round; a cell whose output was wrong (or failed) in any round keeps that
 * round's status instead.
 */
function fastestOfRounds(rounds: Result[][]): Result[] {
  return rounds[0].map((_, i) => {
    const same = rounds.map((cells) => cells[i]);
    const failed = same.find((r) => r.status !== 'ok');
    if (failed) return failed;
    return same.reduce((p, q) => (q.nsPerElement! < p.nsPerElement! ? q : p));
  });
}

const RELAXED = 'nnbasics relaxed-simd';
/** The plain SIMD build measured as the relaxed one is, for the relaxed-SIMD target only. */
const PLAIN_APART = 'nnbasics wasm-simd (own process)';
const FLOOR = 'read floor';

/** One SIMD build's cells, from a process of its own (bench/simd-build.ts). */
function runBuild(build: SimdBuild, input: Inputs): BuildCell[] | string {
  const child = spawnSync(
    process.execPath,
    [
      ...(build === 'relaxed' ? ['--experimental-wasm-relaxed-simd'] : []),
      '--import',
      'tsx',
      join(here, 'simd-build.ts'),
      build,
      input.dtype,
      String(input.n),
      ...(quick ? ['--quick'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  try {
    const parsed = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as {
      cells?: BuildCell[];
      error?: string;
    };
    return parsed.cells ?? parsed.error ?? 'no output';
  } catch {
    return (child.stderr || `exit status ${child.status}`).trim().slice(0, 200);
  }
}

/**
 * The relaxed-SIMD build and, for comparison with it, the plain SIMD build, on the exp-bound ops,
 * each in processes of its own (three each in a full run, alternating; each op keeps its best).
 */
function runSimdBuilds(input: Inputs, reference: (op: Op) => number[]): Result[] {
  const builds = [
    ['plain', PLAIN_APART],
    ['relaxed', RELAXED],
  ] as const;
  const runs = new Map<SimdBuild, (BuildCell[] | string)[]>(builds.map(([b]) => [b, []]));
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    for (const [build] of builds) runs.get(build)!.push(runBuild(build, input));
  }
  const results: Result[] = [];
  for (const [build, engine] of builds) {
    const rounds = runs.get(build)!;
    for (const op of EXP_BOUND_OPS) {
      const cell = { engine, op, dtype: input.dtype, n: cellN(op, input) };
      const found = rounds.map((r) =>
        typeof r === 'string' ? undefined : r.find((c) => c.op === op),
      );
      const timed = found.filter((c) => c?.median !== undefined) as Required<BuildCell>[];
      if (timed.length === 0) {
        const why = rounds.find((r) => typeof r === 'string') ?? found.find((c) => c?.error)?.error;
        results.push({ ...cell, status: 'error', note: String(why) });
        continue;
      }
      const best = timed.reduce((p, q) => (q.median < p.median ? q : p));
      const error = mismatch(best.signature, reference(op));
      results.push(
        error <= tolerance(input.dtype)
          ? {
              ...cell,
              status: 'ok',
              nsPerElement: (best.median * 1e9) / cell.n,
              spread: best.spread,
            }
          : { ...cell, status: 'wrong', note: `relative error ${error.toExponential(2)}` },
      );
    }
  }
  return results;
}

/** The time to read what sum (x) and dot, L1 and L2 (x and y) must read: the floor for each. */
async function floorCells(input: Inputs): Promise<Result[]> {
  const seconds = await readFloor(input.x, input.y);
  return (['sum', 'dot', 'l1', 'l2'] as const).map((op) => ({
    engine: FLOOR,
    op,
    dtype: input.dtype,
    n: input.n,
    status: 'ok',
    nsPerElement: ((op === 'sum' ? seconds.x : seconds.xy) * 1e9) / input.n,
  }));
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

/** Width of a column of the printed tables (the longest engine name and a space). */
const WIDTH = 23;

function report(results: Result[], numpyVersion: string | undefined): void {
  // The plain SIMD build's separate-process figures serve the relaxed-SIMD comparison only.
  const engines = [...new Set(results.map((r) => r.engine))].filter((e) => e !== PLAIN_APART);
  const date = new Date().toISOString();
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
  for (const dtype of DTYPES) {
    const shown = engines.filter((e) =>
      results.some((r) => r.engine === e && r.dtype === dtype && r.status !== 'n/a'),
    );
    console.log(
      `\n${dtype}: ns per element (median; matmul: per output element of 256x256 @ 256x256), ratio to NumPy in brackets`,
    );
    console.log(
      ['op'.padEnd(14), 'N'.padStart(9), ...shown.map((e) => e.padStart(WIDTH))].join(''),
    );
    for (const op of OPS) {
      for (const n of sizesOf(op)) {
        const numpy = results.find(
          (r) => r.engine === 'numpy' && r.op === op && r.dtype === dtype && r.n === n,
        );
        const cells = shown.map((engine) => {
          const r = results.find(
            (q) => q.engine === engine && q.op === op && q.dtype === dtype && q.n === n,
          );
          if (!r || r.status !== 'ok') return (r?.status ?? '').padStart(WIDTH);
          const ratio =
            numpy?.nsPerElement && engine !== 'numpy'
              ? ` (${(r.nsPerElement! / numpy.nsPerElement).toFixed(2)})`
              : '';
          return `${fmt(r.nsPerElement!)}${ratio}`.padStart(WIDTH);
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
    .filter((r) => r.status === 'ok' && r.op !== 'matmul' && r.engine !== PLAIN_APART)
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
