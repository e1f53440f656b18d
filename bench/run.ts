// `npm run bench [-- --quick]`: nnbasics (wasm-simd, its relaxed-SIMD build, wasm, js) against
// NumPy, TensorFlow.js, numjs, ndarray-ops and plain JavaScript, and the memory-bandwidth floor,
// in one run on this machine. Every engine is measured in processes of its own
// (bench/engine-process.ts, bench/numpy_bench.py), and its output checked against nnbasics' 'js'
// backend before its time counts. The engines' samples of a cell are interleaved, so that each
// sees the machine as the others do. Writes bench/results/latest.json, latest.svg and ratios.svg.
import type { CallTiming } from './calls.js';
import type { LessonTiming, WithoutTidy } from './lessons.js';
import type { RandomRow } from './random.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartPoints, drawCharts } from './chart.js';
import { FLOOR, NUMPY, NUMPY_TUNED, OURS, RELAXED, THREADED } from './engine-names.js';
import { PEERS } from './engines.js';
import {
  LONG_CALL_SECONDS,
  MIN_SAMPLE_SECONDS,
  UNTIMED_CALL_BELOW_SECONDS,
  WARMUP,
  makeInputs,
  mismatch,
  quick,
  signature,
  tolerance,
} from './measure.js';
import { MeasuringProcess } from './measuring-process.js';
import type { RelaxedPair } from './speed-section.js';
import type { ThreadsPair } from './threads-section.js';
import {
  type DType,
  EXP_BOUND_OPS,
  type Inputs,
  MATMUL_SIDE,
  OPS,
  type Op,
  nnbasics,
} from './nnbasics-engine.js';
import type { Command, PrepareReply, SampleReply } from './protocol.js';

const SIZES = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6, 1e7];
const DTYPES: DType[] = ['float64', 'float32'];
const here = dirname(fileURLToPath(import.meta.url));

/** Every JS engine and its dtypes, in the tables' column order (NumPy's two come first). */
const ENGINES: { name: string; dtypes: readonly DType[] }[] = [
  ...[OURS, THREADED, 'nnbasics wasm', 'nnbasics js'].map((name) => ({
    name,
    dtypes: DTYPES,
  })),
  ...PEERS.map(({ name, dtypes }) => ({ name, dtypes })),
  ...[RELAXED, FLOOR].map((name) => ({ name, dtypes: DTYPES })),
];
/**
 * Rounds per cell: each round measures every input in fresh processes, and a cell's samples from
 * all its rounds are pooled. The inputs up to N = 1e5 (where most targets are judged) take one
 * more: they are quick to measure.
 */
const roundsOf = (group: Inputs[]) => (quick ? 1 : group[0].n <= 1e5 ? 3 : 2);
/**
 * About this long of samples per engine, cell and round, but MIN_SAMPLES to MAX_SAMPLES of them
 * (--quick takes one sample of a call that lasts a second: nnbasics' js backend's matmul).
 */
const SAMPLING_SECONDS = quick ? 0.01 : 0.25;
const MIN_SAMPLES = quick ? 1 : 3;
const MAX_SAMPLES = quick ? 5 : 61;

interface Result {
  engine: string;
  op: Op;
  dtype: DType;
  n: number;
  status: 'ok' | 'wrong' | 'n/a' | 'error';
  nsPerElement?: number;
  spread?: number; // (q3 - q1) / median
  samples?: number;
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

// ---------------------------------------------------------------- the measuring processes

function numpyAvailable(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/**
 * NumPy's process (bench/numpy_bench.py), with BLAS on one thread as the JS engines have; with
 * glibc's malloc as a script gets it (NUMPY), or tuned (NUMPY_TUNED). By default glibc hands a
 * large freed block back to the kernel whenever the free space at the top of its heap exceeds a
 * threshold, so that NumPy's temporaries can page-fault back in on every call: in a loop of
 * np.sum(np.abs(y - x)) at N = 1e5 here, 11.6 ns/element against 2.9 with the tuned settings,
 * which keep blocks up to 32 MiB (glibc's largest) in the process. How often that happens depends
 * on the heap's history, so the default is measured, as users get it, and NumPy at its best too.
 */
function startNumpy(tuned: boolean): Promise<MeasuringProcess | string> {
  // OPENBLAS_CORETYPE and L2_SIZE (set on some machines here to work around old OpenBLAS bugs)
  // would slow a current NumPy: unset both.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  for (const name of Object.keys(env)) if (name.startsWith('MALLOC_')) delete env[name];
  if (tuned) {
    env.MALLOC_MMAP_THRESHOLD_ = String(32 << 20);
    env.MALLOC_TRIM_THRESHOLD_ = String(1 << 30);
  }
  const settings = {
    minSampleSeconds: MIN_SAMPLE_SECONDS,
    warmupSeconds: WARMUP.seconds,
    warmupCalls: WARMUP.calls,
    longCallSeconds: LONG_CALL_SECONDS,
    untimedCallBelowSeconds: UNTIMED_CALL_BELOW_SECONDS,
  };
  return MeasuringProcess.start(
    'python3',
    [join(here, 'numpy_bench.py'), JSON.stringify(settings)],
    env,
  );
}

const isNumpy = (engine: string) => engine === NUMPY || engine === NUMPY_TUNED;

/** A JS engine's process (bench/engine-process.ts). */
function startEngine(engine: string): Promise<MeasuringProcess | string> {
  return MeasuringProcess.start(process.execPath, [
    // Node 20 validates the relaxed-SIMD build only with this flag (Node 22 without it).
    ...(engine === RELAXED ? ['--experimental-wasm-relaxed-simd'] : []),
    '--import',
    'tsx',
    join(here, 'engine-process.ts'),
    engine,
    ...(quick ? ['--quick'] : []),
  ]);
}

/** NumPy reads its inputs from raw files: one set per input, written once per run. */
class InputFiles {
  private readonly dir = mkdtempSync(join(tmpdir(), 'nnbasics-bench-'));

  private readonly written = new Set<string>();

  /** The files of an op's arrays (x and y, or matmul's a and b). */
  of(input: Inputs, op: Op): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of op === 'matmul' ? ['a', 'b'] : ['x', 'y']) {
      const path = join(this.dir, `${input.dtype}-${input.n}-${name}.bin`);
      if (!this.written.has(path)) {
        const data = input[name as 'x'];
        writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        this.written.add(path);
      }
      files[name] = path;
    }
    return files;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- one group of inputs

/** One engine's process in a group, or why it has none (it failed to start, or died). */
interface Measurer {
  engine: string;
  dtypes: readonly DType[];
  process: MeasuringProcess | string;
}

type Failure = { status: 'error'; note: string };

/** A command's reply; a process that dies becomes its failure, for the group's later cells too. */
async function ask<Reply>(m: Measurer, command: Command): Promise<Reply | Failure> {
  if (typeof m.process === 'string') return { status: 'error', note: m.process };
  try {
    return await m.process.send<Reply>(command);
  } catch (error) {
    m.process = error instanceof Error ? error.message : String(error);
    return { status: 'error', note: m.process };
  }
}

/**
 * Measures every cell of a group of inputs in fresh processes, one per engine, and hands each
 * cell's samples (or its failure) to context.gather. Each cell is prepared in every process in turn (a
 * warm-up), then sampled with the engines' samples interleaved, so that a cell's samples of every
 * engine lie within the same second or two: this machine's speed changes from one 20 ms slice to
 * the next (other guests on the same host, most likely), and an engine sampled after another
 * would see another machine.
 */
async function measureGroup(group: Inputs[], context: RunContext, label: string): Promise<void> {
  // The processes start side by side (loading TensorFlow.js takes a second or two); the
  // measuring begins once every one has loaded its engine.
  progress(`${label}: starting the engines`);
  const engines = [
    ...(context.numpy ? [NUMPY, NUMPY_TUNED].map((name) => ({ name, dtypes: DTYPES })) : []),
    ...ENGINES.filter(({ dtypes }) => group.some((input) => dtypes.includes(input.dtype))),
  ];
  const measurers: Measurer[] = await Promise.all(
    engines.map(async ({ name, dtypes }) => ({
      engine: name,
      dtypes,
      process: await (isNumpy(name) ? startNumpy(name === NUMPY_TUNED) : startEngine(name)),
    })),
  );
  for (const input of group) {
    for (const op of opsOf(input)) {
      const key = cellKey({ op, dtype: input.dtype, n: input.n });
      progress(`${label}: ${key}`);
      const sampling: { m: Measurer; wanted: number }[] = [];
      for (const m of measurers) {
        if (!m.dtypes.includes(input.dtype) || !opsFor(m.engine, input).includes(op)) continue;
        const files = isNumpy(m.engine) ? context.files.of(input, op) : undefined;
        const reply = await ask<PrepareReply>(m, {
          cmd: 'prepare',
          op,
          dtype: input.dtype,
          n: input.n,
          files,
        });
        const wrong =
          reply.status === 'ok' && m.engine !== FLOOR
            ? checkOutput(reply.signature, context.references.get(key), input.dtype)
            : undefined;
        if (reply.status === 'ok' && !wrong)
          sampling.push({ m, wanted: samplesFor(reply.callSeconds) });
        else {
          context.gather(m.engine, key, wrong ?? reply, []);
          if (wrong) await ask(m, { cmd: 'dispose' });
        }
      }
      for (const { m, seconds, failure } of await interleave(sampling))
        context.gather(m.engine, key, failure ?? { status: 'ok' }, seconds);
    }
  }
  await Promise.all(measurers.map((m) => typeof m.process !== 'string' && m.process.close()));
}

/** Samples for a call of that length: about SAMPLING_SECONDS' worth, odd, within the bounds. */
function samplesFor(callSeconds: number): number {
  const count = Math.round(SAMPLING_SECONDS / Math.max(callSeconds, MIN_SAMPLE_SECONDS));
  return Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, count)) | 1;
}

/**
 * Every engine's samples of a prepared cell, interleaved: in each sweep over the engines, an
 * engine that wants fewer samples than the most takes one only in evenly spaced sweeps, so that
 * its samples too are spread over the cell's time. Disposes of the cell in each process.
 */
async function interleave(
  sampling: { m: Measurer; wanted: number }[],
): Promise<{ m: Measurer; seconds: number[]; failure?: Failure }[]> {
  const sweeps = Math.max(0, ...sampling.map((s) => s.wanted));
  const taken = sampling.map((s) => ({
    m: s.m,
    seconds: [] as number[],
    failure: undefined as Failure | undefined,
  }));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const [i, { wanted }] of sampling.entries()) {
      const due =
        Math.floor(((sweep + 1) * wanted) / sweeps) > Math.floor((sweep * wanted) / sweeps);
      if (!due || taken[i].failure) continue;
      const reply = await ask<SampleReply>(taken[i].m, { cmd: 'sample' });
      if ('seconds' in reply) taken[i].seconds.push(reply.seconds);
      else taken[i].failure = reply;
    }
  }
  for (const t of taken) if (!t.failure) await ask(t.m, { cmd: 'dispose' });
  return taken;
}

/** Why an output is wrong (its error against the reference's), or undefined if it is right. */
function checkOutput(
  output: number[] | undefined,
  reference: number[] | undefined,
  dtype: DType,
): { status: 'wrong'; note: string } | undefined {
  const error = output && reference ? mismatch(output, reference) : Infinity;
  if (error <= tolerance(dtype)) return undefined;
  return { status: 'wrong', note: `relative error ${error.toExponential(2)}` };
}

// ---------------------------------------------------------------- main

/** A cell's samples for one engine, over all rounds; or why it has none. */
interface Gathered {
  engine: string;
  key: string;
  status: Result['status'];
  seconds: number[];
  note?: string;
}

/** What every group of a run shares. */
interface RunContext {
  numpy: boolean;
  files: InputFiles;
  references: Map<string, number[]>;
  /** Adds a cell's samples (or its failure) for an engine, from one round. */
  gather(
    engine: string,
    key: string,
    found: { status: Result['status']; note?: string },
    seconds: number[],
  ): void;
}

/** Each cell's reference output: nnbasics' plain-TypeScript backend, by cell key. */
function referenceOutputs(inputs: Inputs[]): Map<string, number[]> {
  const references = new Map<string, number[]>();
  const reference = nnbasics('js');
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
  return references;
}

async function main(): Promise<void> {
  const numpyVersion = numpyAvailable();
  if (!numpyVersion) console.log('NumPy: not measured (python3 with numpy was not found).');
  const inputs = DTYPES.flatMap((dtype) => SIZES.map((n) => makeInputs(dtype, n)));
  // A full run measures one input at a time; --quick all of them in one process per engine.
  const groups = quick ? [inputs] : inputs.map((input) => [input]);
  // Every cell's samples over all its rounds, with the engine's status: a cell that was wrong
  // (or failed) in any round keeps that status.
  const gathered = new Map<string, Gathered>();
  const context: RunContext = {
    numpy: numpyVersion !== undefined,
    files: new InputFiles(),
    references: referenceOutputs(inputs),
    gather(engine, key, found, seconds) {
      const sofar = gathered.get(`${engine} ${key}`);
      if (sofar?.status === 'ok' && found.status === 'ok') sofar.seconds.push(...seconds);
      else if (!sofar || sofar.status === 'ok')
        gathered.set(`${engine} ${key}`, { engine, key, ...found, seconds });
    },
  };
  // Each round measures every input before the next round begins, in fresh processes: a
  // process's own luck (which physical pages hold its arrays, where V8 places a loop's code) moves
  // a kernel's time too, so a cell's samples come from several processes, minutes apart.
  try {
    const lastRound = Math.max(...groups.map(roundsOf));
    for (let round = 1; round <= lastRound; round++) {
      for (const group of groups.filter((g) => round <= roundsOf(g))) {
        const label = group.length === 1 ? `${group[0].dtype} N=${group[0].n}` : 'all inputs';
        await measureGroup(group, context, `round ${round} of ${roundsOf(group)}, ${label}`);
      }
    }
  } finally {
    context.files.remove();
  }
  const relaxedPairs = relaxedInOneProcess();
  const threadsPairs = threadsInOneProcess();
  const random = randomAgainstNumpy();
  const calls = callsAgainstNumpy();
  const lessons = lessonsAgainstNumpy();
  process.stderr.write('\r\x1b[K');
  // In the tables' column order: NumPy, then ENGINES.
  const order = [NUMPY, NUMPY_TUNED, ...ENGINES.map((e) => e.name)];
  const results = [...gathered.values()].map(summarise);
  results.sort((p, q) => order.indexOf(p.engine) - order.indexOf(q.engine));
  report(results, numpyVersion, relaxedPairs, threadsPairs, random, lessons, calls);
}

/**
 * What a bench script in its own process prints (one JSON value), or undefined, with the reason
 * printed, when it fails (NumPy missing, a result that disagrees).
 */
function measuredBy<T>(
  script: string,
  what: string,
  args: string[] = [],
  nodeFlags: string[] = [],
): T | undefined {
  const child = spawnSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', join(here, script), ...args],
    { encoding: 'utf8' },
  );
  if (child.status === 0) return JSON.parse(child.stdout) as T;
  // Node prints an uncaught error after its source line: show the error's own line.
  const lines = child.stderr.trim().split('\n');
  const why = lines.find((line) => /^\w*Error: /.test(line)) ?? lines[0];
  console.log(`${what}: not measured (${why})`);
  return undefined;
}

/** A training step's calls, one by one, against NumPy's (bench/calls.ts). */
function callsAgainstNumpy(): CallTiming[] | undefined {
  progress("a training step's calls against NumPy's");
  return measuredBy('calls.ts', 'calls', quick ? ['--quick'] : []);
}

/** The lessons' training loops against their NumPy twins (bench/lessons.ts). */
function lessonsAgainstNumpy(): { lessons: LessonTiming[]; memory: WithoutTidy } | undefined {
  progress('the lessons against their NumPy twins');
  return measuredBy('lessons.ts', 'lessons');
}

/** NumPy's generators in nnbasics against NumPy (bench/random.ts); undefined when not measured. */
function randomAgainstNumpy(): RandomRow[] | undefined {
  progress('the random fills against NumPy');
  return measuredBy('random.ts', 'random fills', quick ? ['--quick'] : []);
}

/**
 * The relaxed-SIMD build against the plain one, kernel against kernel in one process
 * (bench/relaxed-ab.ts); undefined, with the reason printed, where the runtime has no relaxed SIMD.
 */
function relaxedInOneProcess(): RelaxedPair[] | undefined {
  progress('the relaxed-SIMD build against the plain one, in one process');
  // Node 20 validates the relaxed-SIMD build only with this flag (Node 22 without it).
  return measuredBy('relaxed-ab.ts', 'relaxed SIMD in one process', quick ? ['--quick'] : [], [
    '--experimental-wasm-relaxed-simd',
  ]);
}

/**
 * One thread against the threads, op against op in one process (bench/threads-ab.ts); undefined,
 * with the reason printed, where the runtime runs one thread.
 */
function threadsInOneProcess(): ThreadsPair[] | undefined {
  progress('one thread against the threads, in one process');
  return measuredBy('threads-ab.ts', 'threads in one process', quick ? ['--quick'] : []);
}

/** A cell's result from its samples: the median, and the interquartile spread. */
function summarise(cell: Gathered): Result {
  const [op, dtype, n] = cell.key.split(' ');
  const result = { engine: cell.engine, op: op as Op, dtype: dtype as DType, n: Number(n) };
  if (cell.status !== 'ok') return { ...result, status: cell.status, note: cell.note };
  const times = [...cell.seconds].sort((p, q) => p - q);
  const at = (f: number) => times[Math.floor(f * (times.length - 1))];
  const median = at(0.5);
  return {
    ...result,
    status: 'ok',
    nsPerElement: (median * 1e9) / result.n,
    spread: (at(0.75) - at(0.25)) / median,
    samples: times.length,
  };
}

/** Width of a column of the printed tables (the longest engine name and a space). */
const WIDTH = 23;

function report(
  results: Result[],
  numpyVersion: string | undefined,
  relaxedPairs: RelaxedPair[] | undefined,
  threadsPairs: ThreadsPair[] | undefined,
  random: RandomRow[] | undefined,
  lessonRun: { lessons: LessonTiming[]; memory: WithoutTidy } | undefined,
  calls: CallTiming[] | undefined,
): void {
  const lessons = lessonRun?.lessons;
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
          (r) => r.engine === NUMPY && r.op === op && r.dtype === dtype && r.n === n,
        );
        const cells = shown.map((engine) => {
          const r = results.find(
            (q) => q.engine === engine && q.op === op && q.dtype === dtype && q.n === n,
          );
          if (!r || r.status !== 'ok') return (r?.status ?? '').padStart(WIDTH);
          const ratio =
            numpy?.nsPerElement && engine !== NUMPY
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
  if (relaxedPairs) {
    console.log(
      '\nrelaxed SIMD against plain SIMD, kernel against kernel in one process (N = 1e5):',
    );
    for (const p of relaxedPairs)
      console.log(
        `${`${p.op} ${p.dtype}`.padEnd(17)}${fmt(p.plain).padStart(8)}${fmt(p.relaxed).padStart(8)} ns/element  ${(p.plain / p.relaxed).toFixed(2)}x`,
      );
  }
  if (threadsPairs) {
    console.log('\none thread against the threads, op against op in one process:');
    for (const p of threadsPairs)
      console.log(
        `${`${p.op} ${p.dtype} N=${p.n}`.padEnd(28)}${fmt(p.one).padStart(8)}${fmt(p.threaded).padStart(8)} ns/element  ${(p.one / p.threaded).toFixed(2)}x`,
      );
  }
  if (random) {
    console.log("\nNumPy's generators against NumPy (ns per element, nnbasics / NumPy):");
    for (const r of random)
      console.log(
        `${`${r.op} N=${r.n}`.padEnd(24)}${fmt(r.numpy).padStart(8)}${fmt(r.nnbasics).padStart(8)}  ${(r.nnbasics / r.numpy).toFixed(2)}`,
      );
  }
  if (calls) {
    console.log("\na training step's calls, us per call (median), nnbasics against NumPy:");
    for (const c of calls)
      console.log(
        `${c.call.padEnd(34)}${fmt(c.nnbasics).padStart(8)}${fmt(c.numpy).padStart(8)}  ${(c.nnbasics / c.numpy).toFixed(2)}`,
      );
  }
  if (lessons) {
    console.log(
      "\nthe lessons' training, seconds (medians of runs taken in turn with NumPy's), nnbasics against NumPy:",
    );
    for (const l of lessons)
      console.log(
        `${l.lesson.padEnd(21)}${l.nnbasics.toFixed(3).padStart(8)}${(l.numpy?.toFixed(3) ?? '—').padStart(8)}  ${l.numpy ? (l.nnbasics / l.numpy).toFixed(2) : ''}  (${l.what})`,
      );
  }
  if (lessonRun) {
    const { iterations, withTidy, without, withoutOnOneThread, firstTouchMicrosecondsPerPage } =
      lessonRun.memory;
    const show = (r: typeof withTidy) =>
      `${r.microsecondsPerStep.toFixed(0)} us/step, ${r.arrays} arrays, ${(r.bytes / 1e6).toFixed(1)} MB held`;
    const oneThread = withoutOnOneThread
      ? `; without, on one thread ${withoutOnOneThread.microsecondsPerStep.toFixed(0)} us/step`
      : '';
    console.log(
      `planar, ${iterations} steps: with np.tidy ${show(withTidy)}; without ${show(without)}` +
        `${oneThread}; a fresh page's first write ${firstTouchMicrosecondsPerPage?.toFixed(2)} us`,
    );
  }
  const meta = { date, machine, quick, numpy: numpyVersion ?? null };
  const record = {
    ...meta,
    relaxedInOneProcess: relaxedPairs ?? null,
    threadsInOneProcess: threadsPairs ?? null,
    random: random ?? null,
    calls: calls ?? null,
    lessons: lessonRun ?? null,
    results,
  };
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(record, null, 1) + '\n');
  for (const [file, svg] of Object.entries(drawCharts(chartPoints(results), date, machine))) {
    writeFileSync(join(outDir, file), svg);
  }
  console.log(
    `\nwrote bench/results/latest.json, latest.svg and ratios.svg (${date}; ${machine}; NumPy ${numpyVersion ?? 'absent'})`,
  );
}

function fmt(ns: number): string {
  return ns >= 100 ? ns.toFixed(0) : ns >= 10 ? ns.toFixed(1) : ns.toFixed(2);
}

await main();
