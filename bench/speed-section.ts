// The README's speed section from a run's results (bench/results/latest.json): the tables at
// N = 1e5 and each target of the speed issue judged as ratios within the same run. Pure, so that
// the judging is tested (test/bench.test.ts); bench/report.ts prints it for the latest run.
import type { CallTiming } from './calls.js';
import type { LessonTiming, WithoutTidy } from './lessons.js';
import { type ThreadsPair, threadsTable, threadsTargets } from './threads-section.js';
import { callsTable, workloadTargets } from './workload-section.js';
import type { RandomRow } from './random.js';
import { FLOOR, NUMPY, NUMPY_TUNED, OURS, RELAXED } from './engine-names.js';

/** One cell of a run, as bench/run.ts writes it. */
export interface CellResult {
  engine: string;
  op: string;
  dtype: string;
  n: number;
  status: string;
  nsPerElement?: number;
}

/**
 * An exp-bound op's kernel in the plain and the relaxed-SIMD build, timed in one process
 * (bench/relaxed-ab.ts): ns per element, the medians of interleaved samples.
 */
export interface RelaxedPair {
  op: string;
  dtype: string;
  n: number;
  plain: number;
  relaxed: number;
  samples: number;
}

/** A run, as bench/run.ts writes it to bench/results/latest.json. */
export interface RunRecord {
  date: string;
  machine: string;
  numpy: string | null;
  quick: boolean;
  /** Absent from runs before it was measured; null where the runtime had no relaxed SIMD. */
  relaxedInOneProcess?: RelaxedPair[] | null;
  /** NumPy's generators against NumPy (bench/random.ts); absent from runs before it, null when not measured. */
  random?: RandomRow[] | null;
  /** The lessons' training loops (bench/lessons.ts); absent from runs before it. */
  lessons?: { lessons: LessonTiming[]; memory: WithoutTidy } | null;
  /** One thread against the threads in one process (bench/threads-ab.ts); absent from runs before it, null when not measured. */
  threadsInOneProcess?: ThreadsPair[] | null;
  /** A training step's calls (bench/calls.ts); absent from runs before it. */
  calls?: CallTiming[] | null;
  results: CellResult[];
}

/** A target of the speed issue, as judged in one run. */
export interface Target {
  what: string;
  holds: boolean;
  detail: string;
}

/** ns per element of an engine's cell; undefined when the cell is missing or not 'ok'. */
type Lookup = (engine: string, op: string, dtype: string, n: number) => number | undefined;

const MATMUL_N = 256 * 256;
const PEERS = ['tfjs-cpu', 'tfjs-wasm', 'numjs', 'ndarray-ops'];

function lookup(run: RunRecord): Lookup {
  return (engine, op, dtype, n) =>
    run.results.find(
      (r) =>
        r.engine === engine && r.op === op && r.dtype === dtype && r.n === n && r.status === 'ok',
    )?.nsPerElement;
}

const fmt = (v: number | undefined) =>
  v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
/** 1e5 as "1e5". */
const sizeLabel = (n: number) => n.toExponential(0).replace('+', '');
/** When a run began, to the minute: "2026-11-28 16:01 UTC". */
const startedAt = (run: RunRecord) => `${run.date.slice(0, 16).replace('T', ' ')} UTC`;

/** The speed section's Markdown: the header line, both tables and the table of targets. */
export function speedSection(run: RunRecord): string {
  const header = `Run of ${startedAt(run)} on ${run.machine}, NumPy ${run.numpy ?? 'absent'}${run.quick ? ' (--quick)' : ''}.`;
  const targetRows = targets(run).map(
    (t) => `| ${t.what} | ${t.holds ? 'yes' : 'no'} | ${t.detail} |`,
  );
  return [
    header,
    '',
    ...['float64', 'float32'].flatMap((dtype) => [...table(run, dtype), '']),
    ...randomTable(run),
    ...callsTable(run),
    ...threadsTable(run),
    '| target (from the speed issues) | holds | in this run |',
    '| --- | :---: | --- |',
    ...targetRows,
  ].join('\n');
}

/**
 * The README's one speed table: float64 at N = 1e5, nnbasics and the fastest JS peer against
 * NumPy as a script runs it (ratios of times: below 1 is faster), NumPy malloc-tuned beside it,
 * then the lessons' training.
 */
export function frontPageTable(run: RunRecord): string {
  const at = lookup(run);
  const n = 1e5;
  const ratio = (v: number | undefined, numpy: number | undefined) =>
    v === undefined || numpy === undefined ? '' : ` (${(v / numpy).toFixed(2)}×)`;
  const ops = [...new Set(run.results.map((r) => r.op))];
  const rows = ops.map((op) => {
    const size = op === 'matmul' ? MATMUL_N : n;
    const numpy = at(NUMPY, op, 'float64', size);
    const ours = at(OURS, op, 'float64', size);
    const peers = ['plain JS', ...PEERS]
      .map((engine) => ({ engine, ns: at(engine, op, 'float64', size) }))
      .filter((p): p is { engine: string; ns: number } => p.ns !== undefined);
    const peer = peers.reduce<(typeof peers)[number] | undefined>(
      (best, p) => (best === undefined || p.ns < best.ns ? p : best),
      undefined,
    );
    const what = op === 'matmul' ? 'matmul 256×256 (per output element)' : op;
    const tuned = at(NUMPY_TUNED, op, 'float64', size);
    return `| ${what} | ${fmt(numpy)} | ${fmt(tuned)} | ${fmt(ours)}${ratio(ours, numpy)} | ${peer ? `${fmt(peer.ns)}${ratio(peer.ns, numpy)} ${peer.engine}` : '—'} |`;
  });
  const lessons = (run.lessons?.lessons ?? []).map(
    (l) =>
      `| ${l.lesson} lesson's training, ${l.what} (s) | ${l.numpy === null ? '—' : l.numpy.toFixed(3)} | — | ${l.nnbasics.toFixed(3)}${ratio(l.nnbasics, l.numpy ?? undefined)} | — |`,
  );
  return [
    `| float64, ns per element at N = 1e5 | NumPy | NumPy malloc-tuned | nnbasics | fastest JS peer |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    ...lessons,
  ].join('\n');
}

const RANDOM_CALLS: Record<RandomRow['op'], string> = {
  randn: '`np.random.randn(n)` (MT19937, polar)',
  standardNormal: '`rng.standardNormal([n])` (PCG64, ziggurat)',
  random: '`rng.random([n])` (PCG64)',
};

/** The random row: ns per element of each fill at each N, and nnbasics' time over NumPy's. */
export function randomTable(run: RunRecord): string[] {
  if (!run.random) return [];
  return [
    '| random fill | N | NumPy ns/element | nnbasics ns/element | ratio |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...run.random.map(
      (r) =>
        `| ${RANDOM_CALLS[r.op]} | ${r.n.toExponential(0).replace('+', '')} | ${r.numpy.toFixed(2)} | ${r.nnbasics.toFixed(2)} | ${(r.nnbasics / r.numpy).toFixed(2)} |`,
    ),
    '',
  ];
}

/**
 * Several runs' verdicts side by side: a row per target (in the first run's order), a column per
 * run, each cell the verdict and its figure. A target a run did not judge shows as a dash.
 */
export function targetsAcrossRuns(runs: RunRecord[]): string {
  const judged = runs.map((run) => new Map(targets(run).map((t) => [t.what, t])));
  const whats = [...new Set(judged.flatMap((m) => [...m.keys()]))];
  const cell = (t: Target | undefined) => (t ? `${t.holds ? 'yes' : 'no'}: ${t.detail}` : '—');
  return [
    `| target | ${runs.map(startedAt).join(' | ')} |`,
    `| --- |${runs.map(() => ' --- |').join('')}`,
    ...whats.map((what) => `| ${what} | ${judged.map((m) => cell(m.get(what))).join(' | ')} |`),
  ].join('\n');
}

/** One dtype's table at N = 1e5: ns per element, and the ratio to NumPy in brackets. */
function table(run: RunRecord, dtype: string): string[] {
  const ns = lookup(run);
  const engines = [
    ...new Set(
      run.results.filter((r) => r.dtype === dtype && r.status !== 'n/a').map((r) => r.engine),
    ),
  ];
  const rows = [...new Set(run.results.map((r) => r.op))].map((op) => {
    const n = op === 'matmul' ? MATMUL_N : 1e5;
    const numpy = ns(NUMPY, op, dtype, n);
    const cells = engines.map((e) => {
      const v = ns(e, op, dtype, n);
      if (v === undefined) return '—';
      return e === NUMPY || numpy === undefined ? fmt(v) : `${fmt(v)} (${(v / numpy).toFixed(2)})`;
    });
    return `| ${op} | ${cells.join(' | ')} |`;
  });
  return [
    `**${dtype}**, ns per element at N = 1e5 (matmul: per output element of 256×256 @ 256×256); in brackets, the ratio to NumPy:`,
    '',
    `| op | ${engines.join(' | ')} |`,
    `| --- |${engines.map(() => ' ---: |').join('')}`,
    ...rows,
  ];
}

/**
 * The targets of the speed issue, judged as ratios within the run. A missing cell fails the
 * targets it enters. The NumPy targets are judged against default NumPy, then again against the
 * malloc-tuned one (in rows of their own, last) when the run has it.
 */
export function targets(run: RunRecord): Target[] {
  const ns = lookup(run);
  return [
    ...againstPlainLoops(ns),
    ...againstNumpy(run, ns, NUMPY, 'NumPy'),
    againstPeers(run, ns),
    relaxedSpeedup(run, ns),
    ...againstReadFloor(ns),
    ...(run.results.some((r) => r.engine === NUMPY_TUNED)
      ? againstNumpy(run, ns, NUMPY_TUNED, 'NumPy malloc-tuned')
      : []),
    ...workloadTargets(run),
    ...threadsTargets(run),
  ];
}

function againstPlainLoops(ns: Lookup): Target[] {
  const groups = [
    [['exp', 'sigmoid', 'softmax'], 5],
    [['sum', 'rowSum', 'rowNorm'], 4],
    [['dot', 'l1'], 2.5],
  ] as const;
  return groups.flatMap(([ops, factor]) =>
    ops.map((op) => {
      const ratio = ns('plain JS', op, 'float64', 1e5)! / ns(OURS, op, 'float64', 1e5)!;
      return {
        what: `${op} at least ${factor}× faster than a plain JS loop (float64, N = 1e5)`,
        holds: ratio >= factor,
        detail: `${ratio.toFixed(1)}×`,
      };
    }),
  );
}

/** The targets against NumPy, judged against one of its two measurements (bench/run.ts). */
function againstNumpy(run: RunRecord, ns: Lookup, numpy: string, label: string): Target[] {
  const theirs = (op: string, dtype = 'float64', n = 1e5) => ns(numpy, op, dtype, n);
  const ours = (op: string, dtype = 'float64', n = 1e5) => ns(OURS, op, dtype, n);
  /** Not faster: slower, equal, or either cell missing. */
  const notFaster = (op: string, dtype: string, n: number) =>
    (ours(op, dtype, n) ?? Infinity) >= (theirs(op, dtype, n) ?? Infinity);
  const ops = [...new Set(run.results.map((r) => r.op))].filter((op) => op !== 'matmul');
  const sizes = [...new Set(run.results.filter((r) => r.op !== 'matmul').map((r) => r.n))].sort(
    (a, b) => a - b,
  );
  const list = (misses: string[]) => (misses.length ? `not: ${misses.join(', ')}` : 'all');
  const result: Target[] = ['float64', 'float32'].map((dtype) => {
    const slower = ops
      .filter((op) => op !== 'exp')
      .flatMap((op) =>
        sizes
          .filter((n) => n >= 1e5 && notFaster(op, dtype, n))
          .map((n) => `${op}@${sizeLabel(n)}`),
      );
    return {
      what: `faster than ${label} on every op but exp from N = 1e5 up (${dtype})`,
      holds: slower.length === 0,
      detail: list(slower),
    };
  });
  for (const op of ['sigmoid', 'softmax']) {
    const speedup = theirs(op)! / ours(op)!;
    result.push({
      what: `${op} at least 2.5× faster than ${label} (float64, N = 1e5)`,
      holds: speedup >= 2.5,
      detail: `${speedup.toFixed(2)}×`,
    });
  }
  const expRatio = ours('exp')! / theirs('exp')!;
  result.push({
    what: `exp within 2.2× of ${label} (float64, N = 1e5)`,
    holds: expRatio <= 2.2,
    detail: `${expRatio.toFixed(2)}× its time`,
  });
  const small = ops.filter((op) => notFaster(op, 'float64', 1e3));
  result.push({
    what: `faster than ${label} at N = 1e3 (float64)`,
    holds: small.length === 0,
    detail: list(small),
  });
  return result;
}

function againstPeers(run: RunRecord, ns: Lookup): Target {
  const beaten = run.results.filter(
    (r) =>
      PEERS.includes(r.engine) &&
      r.status === 'ok' &&
      (ns(OURS, r.op, r.dtype, r.n) ?? Infinity) >= r.nsPerElement!,
  );
  return {
    what: 'faster than every JS peer on every op at every N',
    holds: beaten.length === 0,
    detail: beaten.length
      ? `not: ${beaten.map((r) => `${r.op} ${r.dtype}@${sizeLabel(r.n)} (${r.engine})`).join(', ')}`
      : 'all',
  };
}

/**
 * Relaxed SIMD against plain SIMD: kernel against kernel in one process where the run measured
 * that (bench/relaxed-ab.ts), else the two builds' columns, each timed in processes of their own.
 */
function relaxedSpeedup(run: RunRecord, ns: Lookup): Target {
  const pairs = run.relaxedInOneProcess;
  const speedups = pairs
    ? pairs.map((p) => ({ label: `${p.op} ${p.dtype}`, ratio: p.plain / p.relaxed }))
    : ['float64', 'float32'].flatMap((dtype) =>
        ['exp', 'sigmoid', 'softmax'].map((op) => {
          const plain = ns(OURS, op, dtype, 1e5);
          const relaxed = ns(RELAXED, op, dtype, 1e5);
          return {
            label: `${op} ${dtype}`,
            ratio: plain && relaxed ? plain / relaxed : undefined,
          };
        }),
      );
  const measured = speedups.length > 0 && speedups.every((s) => s.ratio !== undefined);
  const how = pairs ? 'in one process' : 'in processes of their own';
  return {
    what: 'relaxed-SIMD build about 25% faster on exp-bound ops, same accuracy (N = 1e5; at least 1.2×)',
    holds: measured && speedups.every((s) => s.ratio! >= 1.2),
    detail: measured
      ? `${how}: ${speedups.map((s) => `${s.label} ${s.ratio!.toFixed(2)}×`).join(', ')}`
      : 'not measured (this runtime has no relaxed SIMD)',
  };
}

function againstReadFloor(ns: Lookup): Target[] {
  return ['float64', 'float32'].map((dtype) => {
    const ratios = ['sum', 'dot', 'l1'].map((op) => {
      const ours = ns(OURS, op, dtype, 1e7);
      const floor = ns(FLOOR, op, dtype, 1e7);
      return { op, ratio: ours && floor ? ours / floor : undefined };
    });
    const measured = ratios.every((r) => r.ratio !== undefined);
    return {
      what: `within 1.3× of the memory-bandwidth floor at N = 1e7 for sum, dot and l1 (${dtype})`,
      holds: measured && ratios.every((r) => r.ratio! <= 1.3),
      detail: measured
        ? ratios.map((r) => `${r.op} ${r.ratio!.toFixed(2)}×`).join(', ')
        : 'not measured (N = 1e7 is not in a --quick run)',
    };
  });
}
