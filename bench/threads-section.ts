// The threads part of docs/speed.md: nnbasics with its kernel threads (THREADED, the default
// where the runtime allows them) against the same build on one thread, and the targets of the
// threads issue judged within that run. The speed-ups come from bench/threads-ab.ts (both in
// one process, samples alternating); runs before it had only the engines' cells (THREADED
// against OURS, each in processes of its own).
import { NUMPY, OURS, THREADED } from './engine-names.js';
import type { RunRecord, Target } from './speed-section.js';

/** One op's ns per element on one thread and on the threads, samples alternating in one process. */
export interface ThreadsPair {
  op: string;
  dtype: string;
  n: number;
  one: number;
  threaded: number;
  samples: number;
}

/** What of a run this part reads. */
type ThreadsRecord = Pick<RunRecord, 'results' | 'threadsInOneProcess'>;

const MATMUL_N = 256 * 256;
const sizeLabel = (n: number) => n.toExponential(0).replace('+', '');

function lookup(run: ThreadsRecord) {
  return (engine: string, op: string, dtype: string, n: number) =>
    run.results.find(
      (r) =>
        r.engine === engine && r.op === op && r.dtype === dtype && r.n === n && r.status === 'ok',
    )?.nsPerElement;
}

/** Every (op, dtype, n) measured both ways, and one thread's time over the threads' time. */
function speedups(run: ThreadsRecord) {
  if (run.threadsInOneProcess) {
    return run.threadsInOneProcess.map((p) => ({ ...p, speedup: p.one / p.threaded }));
  }
  const ns = lookup(run);
  return run.results
    .filter((r) => r.engine === OURS && r.status === 'ok')
    .map((r) => ({ op: r.op, dtype: r.dtype, n: r.n, threaded: ns(THREADED, r.op, r.dtype, r.n) }))
    .filter((c): c is typeof c & { threaded: number } => c.threaded !== undefined)
    .map((c) => ({ ...c, speedup: ns(OURS, c.op, c.dtype, c.n)! / c.threaded }));
}

/** The float64 table: one thread's ns per element, the threads', and the speed-up, at each N. */
export function threadsTable(run: ThreadsRecord): string[] {
  const cells = speedups(run).filter((c) => c.dtype === 'float64');
  if (cells.length === 0) return [];
  const sizes = [...new Set(cells.filter((c) => c.op !== 'matmul').map((c) => c.n))].sort(
    (a, b) => a - b,
  );
  const at = (op: string, n: number) => cells.find((c) => c.op === op && c.n === n);
  const rows = [...new Set(cells.map((c) => c.op))].map((op) => {
    const line = (op === 'matmul' ? [MATMUL_N] : sizes).map((n) => {
      const c = at(op, n);
      return c ? `${c.speedup.toFixed(2)}×` : '—';
    });
    return `| ${op === 'matmul' ? 'matmul 256×256' : op} | ${line.join(' | ')} |`;
  });
  return [
    `**Kernel threads** (float64): one thread's time over the threads' time, at each N (above 1 is faster)${run.threadsInOneProcess ? ', in one process, samples alternating (bench/threads-ab.ts)' : ''}:`,
    '',
    `| op | ${sizes.map(sizeLabel).join(' | ')} |`,
    `| --- |${sizes.map(() => ' ---: |').join('')}`,
    ...rows,
    '',
  ];
}

export function threadsTargets(run: ThreadsRecord): Target[] {
  const cells = speedups(run);
  if (cells.length === 0) return [];
  const ns = lookup(run);
  const speedupOf = (op: string, dtype: string, n: number) =>
    cells.find((c) => c.op === op && c.dtype === dtype && c.n === n)?.speedup;
  const atLeast = (what: string, wanted: number, list: [string, string, number][]) => {
    const found = list.map(([op, dtype, n]) => ({
      label: `${op}${dtype === 'float32' ? ' f32' : ''}@${op === 'matmul' ? '256' : sizeLabel(n)}`,
      speedup: speedupOf(op, dtype, n),
    }));
    const short = found.filter((f) => (f.speedup ?? 0) < wanted);
    return {
      what: `${what} at least ${wanted}× faster on threads than on one`,
      holds: short.length === 0,
      detail: found.map((f) => `${f.label} ${f.speedup?.toFixed(2) ?? '—'}×`).join(', '),
    };
  };
  const big = [...new Set(cells.map((c) => c.n))].filter((n) => n >= 1e5);
  const expThreaded = ns(THREADED, 'exp', 'float64', 1e6);
  const expNumpy = ns(NUMPY, 'exp', 'float64', 1e6);
  const expRatio = expThreaded && expNumpy ? expThreaded / expNumpy : undefined;
  const slower = cells.filter((c) => c.speedup < 1 / 1.05);
  return [
    {
      what: "float64 exp at N = 1e6 on threads within 1.1× NumPy's time",
      holds: expRatio !== undefined && expRatio <= 1.1,
      detail: expRatio === undefined ? 'not measured' : `${expRatio.toFixed(2)}× its time`,
    },
    atLeast(
      'sigmoid and softmax from N = 1e5 up',
      1.6,
      ['sigmoid', 'softmax'].flatMap((op) =>
        ['float64', 'float32'].flatMap((dtype) =>
          big.map((n): [string, string, number] => [op, dtype, n]),
        ),
      ),
    ),
    atLeast('sums and dot at N = 1e6', 1.5, [
      ['sum', 'float64', 1e6],
      ['rowSum', 'float64', 1e6],
      ['dot', 'float64', 1e6],
    ]),
    atLeast('matmul 256×256', 1.7, [['matmul', 'float64', MATMUL_N]]),
    {
      what: 'no op at any size slower on threads than on one by more than 5%',
      holds: slower.length === 0,
      detail: slower.length
        ? `not: ${slower.map((c) => `${c.op} ${c.dtype}@${sizeLabel(c.n)} ${(1 / c.speedup).toFixed(2)}× the time`).join(', ')}`
        : `all ${cells.length} cells`,
    },
  ];
}
