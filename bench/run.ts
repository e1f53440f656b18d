// `npm run bench [-- --quick]`: nnbasics (wasm-simd, its relaxed-SIMD build, wasm, js) against
// NumPy, TensorFlow.js, numjs, ndarray-ops and plain JavaScript, and the memory-bandwidth floor,
// in one run on this machine. Every engine is measured in processes of its own
// (bench/engine-process.ts), and its output checked against nnbasics' 'js' backend before its time
// counts. Writes bench/results/latest.json and bench/results/latest.svg.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawChart, type Point } from './chart.js';
import type { EngineCell, EngineRequest } from './engine-process.js';
import { PEERS } from './engines.js';
import { FLOOR, OURS, RELAXED } from './engine-names.js';
import {
  MIN_SAMPLE_SECONDS,
  SAMPLES,
  makeInputs,
  mismatch,
  quick,
  signature,
  tolerance,
} from './measure.js';
import {
  type DType,
  EXP_BOUND_OPS,
  type Inputs,
  MATMUL_SIDE,
  OPS,
  type Op,
  nnbasics,
} from './nnbasics-engine.js';

const SIZES = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6, 1e7];
const DTYPES: DType[] = ['float64', 'float32'];
const here = dirname(fileURLToPath(import.meta.url));

/** Every engine and its dtypes, in the tables' column order (NumPy's comes first). */
const ENGINES: { name: string; dtypes: readonly DType[] }[] = [
  ...[OURS, 'nnbasics wasm', 'nnbasics js'].map((name) => ({
    name,
    dtypes: DTYPES,
  })),
  ...PEERS.map(({ name, dtypes }) => ({ name, dtypes })),
  ...[RELAXED, FLOOR].map((name) => ({ name, dtypes: DTYPES })),
];
/**
 * Rounds per cell: each engine measures each cell in this many processes, keeping the best. The
 * inputs up to N = 1e5 (where most targets are judged) take two more: they are quick to measure.
 */
const roundsOf = (group: Inputs[]) => (quick ? 1 : group[0].n <= 1e5 ? 5 : 3);

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
/** The relaxed-SIMD build differs from the plain one only in the exp cores: it runs their ops. */
const opsFor = (engine: string, input: Inputs) =>
  engine === RELAXED ? opsOf(input).filter((op) => EXP_BOUND_OPS.includes(op)) : opsOf(input);
/** The N a cell is reported under: matmul's is its output size (256 x 256). */
const cellN = (op: Op, n: number) => (op === 'matmul' ? MATMUL_N : n);
/** A cell's key (for the reference's output): op, dtype and the N it is reported under. */
const cellKey = (cell: { op: Op; dtype: DType; n: number }) =>
  `${cell.op} ${cell.dtype} ${cellN(cell.op, cell.n)}`;

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
        return { op, dtype: input.dtype, n: cellN(op, input.n), inputs: files };
      }),
    );
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

// ---------------------------------------------------------------- the JS engines

/**
 * One engine's cells on some inputs, measured in a process of its own (bench/engine-process.ts)
 * and checked against the reference outputs.
 */
function runEngine(engine: string, inputs: Inputs[], references: Map<string, number[]>): Result[] {
  const request: EngineRequest = {
    engine,
    inputs: inputs.map((input) => ({ dtype: input.dtype, n: input.n, ops: opsFor(engine, input) })),
  };
  const child = spawnSync(
    process.execPath,
    [
      // Node 20 validates the relaxed-SIMD build only with this flag (Node 22 without it).
      ...(engine === RELAXED ? ['--experimental-wasm-relaxed-simd'] : []),
      '--import',
      'tsx',
      join(here, 'engine-process.ts'),
      ...(quick ? ['--quick'] : []),
    ],
    { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  let cells: EngineCell[] | undefined;
  let failure: string;
  try {
    const parsed = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as {
      cells?: EngineCell[];
      error?: string;
    };
    cells = parsed.cells;
    failure = parsed.error ?? 'no output';
  } catch {
    failure = (child.stderr || `exit status ${child.status}`).trim().slice(0, 200);
  }
  if (cells) return cells.map((cell) => judge(engine, cell, references.get(cellKey(cell))));
  // The process failed as a whole: every cell it was to measure says why.
  return request.inputs.flatMap(({ dtype, n, ops }) =>
    ops.map((op) => ({
      engine,
      op,
      dtype,
      n: cellN(op, n),
      status: 'error' as const,
      note: failure,
    })),
  );
}

/** An engine's cell as a result: its time, if its output matches the reference's. */
function judge(engine: string, cell: EngineCell, reference: number[] | undefined): Result {
  const n = cellN(cell.op, cell.n);
  const result = { engine, op: cell.op, dtype: cell.dtype, n };
  if (cell.status !== 'ok') return { ...result, status: cell.status, note: cell.note };
  // The read floor alone computes nothing to check.
  if (engine !== FLOOR) {
    const error = cell.signature && reference ? mismatch(cell.signature, reference) : Infinity;
    if (!(error <= tolerance(cell.dtype)))
      return { ...result, status: 'wrong', note: `relative error ${error.toExponential(2)}` };
  }
  return { ...result, status: 'ok', nsPerElement: (cell.median! * 1e9) / n, spread: cell.spread };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const numpyVersion = numpyAvailable();
  if (!numpyVersion) console.log('NumPy: not measured (python3 with numpy was not found).');
  const inputs = DTYPES.flatMap((dtype) => SIZES.map((n) => makeInputs(dtype, n)));
  // A full run measures one input at a time; --quick all of them in one process per engine.
  const groups = quick ? [inputs] : inputs.map((input) => [input]);
  const references = new Map<string, number[]>();
  const reference = nnbasics('js'); // nnbasics' plain-TypeScript backend
  for (const input of inputs) {
    progress(`reference outputs: ${input.dtype} N=${input.n}`);
    for (const op of opsOf(input)) {
      const prepared = reference.prepare(op, input)!;
      references.set(
        cellKey({ op, dtype: input.dtype, n: input.n }),
        signature(prepared.output!()),
      );
      prepared.dispose();
    }
  }
  // Every engine measures every cell in several rounds, the cell keeping its fastest. This
  // machine has slow spells (other guests on the host, most likely) that make SIMD arithmetic up
  // to twice as slow, for seconds to minutes at a time: so each round measures every input
  // before the next round begins, and a cell's rounds are minutes apart. NumPy runs on the same
  // inputs just before the JS engines in each round, so that the machine's drift touches every
  // engine alike.
  const rounds: Result[] = [];
  const lastRound = Math.max(...groups.map(roundsOf));
  for (let round = 1; round <= lastRound; round++) {
    for (const group of groups.filter((g) => round <= roundsOf(g))) {
      const label = group.length === 1 ? `${group[0].dtype} N=${group[0].n}` : 'all inputs';
      if (numpyVersion) progress(`round ${round} of ${roundsOf(group)}: numpy, ${label}`);
      for (const result of numpyVersion ? runNumpy(group) : []) {
        const spread = (result.q3 - result.q1) / result.median;
        const cell: EngineCell = { ...result, status: 'ok', spread };
        rounds.push(judge('numpy', cell, references.get(cellKey(cell))));
      }
      for (const engine of ENGINES) {
        const inputs = group.filter((input) => engine.dtypes.includes(input.dtype));
        if (inputs.length === 0) continue;
        progress(`round ${round} of ${roundsOf(group)}: ${engine.name}, ${label}`);
        rounds.push(...runEngine(engine.name, inputs, references));
      }
    }
  }
  const results = fastestOfRounds(rounds);
  process.stderr.write('\r\x1b[K');
  report(results, numpyVersion);
}

/**
 * Each cell's fastest round; a cell whose output was wrong (or failed) in any round keeps that
 * round's status instead.
 */
function fastestOfRounds(rounds: Result[]): Result[] {
  const cells = new Map<string, Result>();
  for (const r of rounds) {
    const k = `${r.engine} ${cellKey(r)}`;
    const best = cells.get(k);
    if (
      !best ||
      (best.status === 'ok' && (r.status !== 'ok' || r.nsPerElement! < best.nsPerElement!))
    )
      cells.set(k, r);
  }
  return [...cells.values()];
}

/** Width of a column of the printed tables (the longest engine name and a space). */
const WIDTH = 23;

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
