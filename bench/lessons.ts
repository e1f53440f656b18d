// The lessons' training loops, nnbasics against their NumPy twins on this machine (the best of
// three runs each; NumPy as a script runs it): planar (10,000 steps of the one-hidden-layer
// network), logistic regression (2,000 steps on 1,400 digits), deep (40 epochs of mini-batches).
// Prints one JSON array of LessonTiming; `npm run bench` runs it last.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { train } from '../lessons/deep/deep.js';
import { data as deepData } from '../lessons/deep/deep.js';
import {
  data as logisticData,
  initializeWithZeros,
  optimize,
} from '../lessons/logistic-regression/logistic-regression.js';
import { loadPlanarDataset, nnModel } from '../lessons/planar/planar.js';

export interface LessonTiming {
  lesson: string;
  what: string;
  nnbasics: number;
  numpy: number | null;
}

function best(fn: () => void, runs = 3): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return fastest;
}

const planar = loadPlanarDataset();
const logistic = await logisticData();
const deep = await deepData();
const ours: Record<string, [string, number]> = {
  planar: [
    '10,000 steps, hidden layer of 4',
    best(() => Object.values(nnModel(planar.X, planar.Y, 4, 10000)).forEach((a) => a.dispose())),
  ],
  'logistic-regression': [
    '2,000 steps on 1,400 digits',
    best(() => {
      const start = initializeWithZeros(64);
      optimize(start.w, start.b, logistic.X_train, logistic.Y_train, 2000, 0.5).params.w.dispose();
    }),
  ],
  deep: [
    '40 epochs of mini-batches of 64',
    best(() => Object.values(train(deep.X, deep.Y, 40, () => {})).forEach((a) => a.dispose())),
  ],
};
const child = spawnSync(
  'python3',
  [fileURLToPath(new URL('./lessons_numpy.py', import.meta.url))],
  { encoding: 'utf8' },
);
const numpy = child.status === 0 ? (JSON.parse(child.stdout) as Record<string, number>) : {};
const rows: LessonTiming[] = Object.entries(ours).map(([lesson, [what, seconds]]) => ({
  lesson,
  what,
  nnbasics: seconds,
  numpy: numpy[lesson] ?? null,
}));
console.log(JSON.stringify(rows));
