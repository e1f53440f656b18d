// The lessons' training loops, nnbasics against their NumPy twins on this machine: planar
// (10,000 steps of the one-hidden-layer network), logistic regression (2,000 steps on 1,400
// digits), deep (40 epochs of mini-batches). Each side's time is the median of ROUNDS runs taken
// in turn, one nnbasics run then one NumPy run (lessons_numpy.py, a script as a learner runs it),
// so that both sides' runs share the machine's states: best-of-three runs taken one side after
// the other moved the planar ratio from 0.90 to 1.26 between two full runs with the same code.
// Also the planar loop's memory and time with np.tidy and without it (the notebook's loop as
// written), and what a page of fresh memory costs at its first write. Prints one JSON object {lessons: LessonTiming[], memory: WithoutTidy}; `npm run bench`
// runs it last.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { train } from '../lessons/deep/deep.js';
import { data as deepData } from '../lessons/deep/deep.js';
import {
  data as logisticData,
  initializeWithZeros,
  optimize,
} from '../lessons/logistic-regression/logistic-regression.js';
import {
  initializeParameters,
  loadPlanarDataset,
  nnModel,
  trainWithoutTidy,
} from '../lessons/planar/planar.js';
import np from 'nnbasics';

/** The planar step without np.tidy (the notebook's loop as written) against with it. */
export interface WithoutTidy {
  iterations: number;
  withTidy: { microsecondsPerStep: number; arrays: number; bytes: number };
  without: { microsecondsPerStep: number; arrays: number; bytes: number };
  /**
   * The same loop with np.setThreads(1), so without the worker that maps fresh pages ahead of the
   * allocator (src/threads/prefault.ts); absent from runs before 2026-12-04 22:00, and where the
   * runtime has no threads.
   */
  withoutOnOneThread?: { microsecondsPerStep: number; arrays: number; bytes: number };
  /**
   * Microseconds the system takes to map a 4 KiB page of fresh memory at its first write, in
   * the same process (absent from runs before 2026-12-04 04:30).
   */
  firstTouchMicrosecondsPerPage?: number;
}

export interface LessonTiming {
  lesson: string;
  what: string;
  nnbasics: number;
  numpy: number | null;
}

/** Runs of each lesson per side; each side's figure is their median. */
const ROUNDS = 7;

function seconds(fn: () => void): number {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** One run of the lesson's NumPy twin, in seconds; null without python3 and NumPy. */
function numpyRun(lesson: string): number | null {
  const child = spawnSync(
    'python3',
    [fileURLToPath(new URL('./lessons_numpy.py', import.meta.url)), lesson],
    { encoding: 'utf8' },
  );
  return child.status === 0 ? (JSON.parse(child.stdout) as number) : null;
}

const planar = loadPlanarDataset();
const logistic = await logisticData();
const deep = await deepData();
const trainings: { lesson: string; what: string; run: () => void }[] = [
  {
    lesson: 'planar',
    what: '10,000 steps, hidden layer of 4',
    run: () => Object.values(nnModel(planar.X, planar.Y, 4, 10000)).forEach((a) => a.dispose()),
  },
  {
    lesson: 'logistic-regression',
    what: '2,000 steps on 1,400 digits',
    run: () => {
      const start = initializeWithZeros(64);
      optimize(start.w, start.b, logistic.X_train, logistic.Y_train, 2000, 0.5).params.w.dispose();
    },
  },
  {
    lesson: 'deep',
    what: '40 epochs of mini-batches of 64',
    run: () => Object.values(train(deep.X, deep.Y, 40, () => {})).forEach((a) => a.dispose()),
  },
];
const ours = trainings.map(() => [] as number[]);
const theirs = trainings.map(() => [] as number[]);
let numpyMissing = false;
for (let round = 0; round < ROUNDS; round++) {
  trainings.forEach((t, i) => {
    ours[i].push(seconds(t.run));
    const numpy = numpyMissing ? null : numpyRun(t.lesson);
    if (numpy === null) numpyMissing = true;
    else theirs[i].push(numpy);
  });
}
const rows: LessonTiming[] = trainings.map((t, i) => ({
  lesson: t.lesson,
  what: t.what,
  nnbasics: median(ours[i]),
  numpy: numpyMissing ? null : median(theirs[i]),
}));

/**
 * 2,000 planar steps written as the notebook writes them, without np.tidy or dispose: their time
 * and what they left held.
 */
function withoutTidy(iterations: number): WithoutTidy['without'] {
  const before = np.memory();
  const start = performance.now();
  trainWithoutTidy(planar.X, planar.Y, initializeParameters(2, 4, 1), iterations);
  const seconds = (performance.now() - start) / 1000;
  const { arrays, bytes } = np.memory();
  return {
    microsecondsPerStep: (seconds * 1e6) / iterations,
    arrays: arrays - before.arrays,
    bytes: bytes - before.bytes,
  };
}

/** fn() with np.setThreads(1); undefined where threads are off already. */
function onOneThread<T>(fn: () => T): T | undefined {
  const threads = np.getThreads();
  if (threads === 1) return undefined;
  np.setThreads(1);
  try {
    return fn();
  } finally {
    np.setThreads(threads);
  }
}

/**
 * The first write to a page of memory that nothing has used yet makes the system map it: what
 * that costs per 4 KiB page, over a fresh 256 MiB wasm memory (what the allocator grows into).
 */
function firstTouchMicrosecondsPerPage(): number {
  const fresh = new WebAssembly.Memory({ initial: 4096, maximum: 4096 });
  const bytes = new Uint8Array(fresh.buffer);
  const start = performance.now();
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
  return ((performance.now() - start) * 1000) / (bytes.length / 4096);
}

const ITERATIONS = 2000;
const before = np.memory();
const tidyStart = performance.now();
const kept = nnModel(planar.X, planar.Y, 4, ITERATIONS);
const tidySeconds = (performance.now() - tidyStart) / 1000;
const tidyMemory = np.memory();
Object.values(kept).forEach((a) => a.dispose());
const memory: WithoutTidy = {
  iterations: ITERATIONS,
  withTidy: {
    microsecondsPerStep: (tidySeconds * 1e6) / ITERATIONS,
    arrays: tidyMemory.arrays - before.arrays,
    bytes: tidyMemory.bytes - before.bytes,
  },
  // Last: their arrays are left to the garbage collector, as the notebook's loop leaves them,
  // and each writes to fresh pages only (nothing is freed while a synchronous loop runs).
  without: withoutTidy(ITERATIONS),
  withoutOnOneThread: onOneThread(() => withoutTidy(ITERATIONS)),
  firstTouchMicrosecondsPerPage: firstTouchMicrosecondsPerPage(),
};
console.log(JSON.stringify({ lessons: rows, memory }));
