// The workload part of docs/speed.md: a training step's calls one by one against NumPy's
// (bench/calls.ts), and the targets of the workload issue, judged within one run: every call
// within NumPy's time, each lesson's training faster than its NumPy twin, and the planar loop
// without np.tidy at most 1.5 times as slow per step as with it.
import type { WithoutTidy } from './lessons.js';
import type { RunRecord, Target } from './speed-section.js';

/** What of a run this part reads. */
type WorkloadRecord = Pick<RunRecord, 'calls' | 'lessons'>;

const us = (v: number) => (v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** The calls' table: microseconds per call and nnbasics' time over NumPy's. */
export function callsTable(run: WorkloadRecord): string[] {
  if (!run.calls) return [];
  return [
    "| a training step's call (planar shapes; 1-D) | NumPy µs | nnbasics µs | ratio |",
    '| --- | ---: | ---: | ---: |',
    ...run.calls.map(
      (c) =>
        `| \`${c.call}\` | ${us(c.numpy)} | ${us(c.nnbasics)} | ${(c.nnbasics / c.numpy).toFixed(2)} |`,
    ),
    '',
  ];
}

export function workloadTargets(run: WorkloadRecord): Target[] {
  const result: Target[] = [];
  if (run.calls) {
    const slower = run.calls.filter((c) => c.nnbasics > c.numpy);
    result.push({
      what: "every call of a training step within 1.0× NumPy's time per call",
      holds: slower.length === 0,
      detail: slower.length
        ? `${run.calls.length - slower.length} of ${run.calls.length}; not: ${slower
            .map((c) => `\`${c.call}\` ${(c.nnbasics / c.numpy).toFixed(2)}×`)
            .join(', ')}`
        : `all ${run.calls.length}`,
    });
  }
  for (const l of run.lessons?.lessons ?? []) {
    result.push({
      what: `the ${l.lesson} lesson's training faster than its NumPy twin (${l.what})`,
      holds: l.numpy !== null && l.nnbasics < l.numpy,
      detail:
        l.numpy === null ? 'NumPy not measured' : `${(l.nnbasics / l.numpy).toFixed(2)}× its time`,
    });
  }
  const memory = run.lessons?.memory;
  if (memory) {
    const ratio = memory.without.microsecondsPerStep / memory.withTidy.microsecondsPerStep;
    result.push({
      what: `the planar step without np.tidy at most 1.5× the time of one with it (${memory.iterations} steps)`,
      holds: ratio <= 1.5,
      detail: `${ratio.toFixed(2)}×; ${(memory.without.bytes / 1e6).toFixed(0)} MB held at the end${firstTouch(memory)}`,
    });
  }
  return result;
}

/**
 * The loop without np.tidy writes each step's arrays to pages no earlier step used (nothing is
 * freed inside a synchronous loop): what mapping them costs at the run's measured price per page,
 * and the same loop on one thread, where no worker maps them ahead (src/threads/prefault.ts).
 */
function firstTouch(memory: WithoutTidy): string {
  const perPage = memory.firstTouchMicrosecondsPerPage;
  if (perPage === undefined) return '';
  const pagesPerStep = memory.without.bytes / memory.iterations / 4096;
  const mapping = pagesPerStep * perPage;
  const step = memory.withTidy.microsecondsPerStep;
  const oneThread = memory.withoutOnOneThread;
  if (!oneThread) {
    // Runs before the prefault worker: the main thread mapped every page.
    const rest = (memory.without.microsecondsPerStep - mapping) / step;
    return (
      `; a fresh 4 KiB page took ${perPage.toFixed(2)} µs to map at its first write, ` +
      `${mapping.toFixed(0)} of the step's ${memory.without.microsecondsPerStep.toFixed(0)} µs ` +
      `(${pagesPerStep.toFixed(1)} pages; ${rest.toFixed(2)}× without it)`
    );
  }
  return (
    `; a step writes to ${pagesPerStep.toFixed(1)} fresh 4 KiB pages, which took ` +
    `${perPage.toFixed(2)} µs each to map at their first write (${mapping.toFixed(0)} µs a step); ` +
    `on one thread, with no worker mapping them ahead, ` +
    `${(oneThread.microsecondsPerStep / step).toFixed(2)}×`
  );
}
