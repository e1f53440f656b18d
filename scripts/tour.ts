// `npm start`: the lesson, step by step, each result printed exactly as NumPy prints it, then a
// short speed table measured on the spot (nnbasics against plain JavaScript at N = 1e6).
import np, { type NDArray, nn } from 'nnbasics';
import { demoInputs } from '../bench/baselines.js';

function step(what: string, code: string, result: unknown): void {
  console.log(`\n# ${what}\n>>> ${code}`);
  console.log(typeof result === 'string' ? result : String(result));
}

console.log(
  "nnbasics: NumPy's neural-network basics for JavaScript, printed as NumPy prints them.",
);

np.tidy(() => {
  step(
    'The logistic function of one number, with Math.exp',
    'nn.basicSigmoid(1)',
    nn.basicSigmoid(1),
  );
  step('np.exp works on whole arrays', 'np.exp([1, 2, 3])', np.exp([1, 2, 3]));
  step(
    'sigmoid(x) = 1 / (1 + e^-x), elementwise, one fused pass',
    'nn.sigmoid([1, 2, 3])',
    nn.sigmoid([1, 2, 3]),
  );
  step(
    'Its gradient, s(1 - s)',
    'nn.sigmoidDerivative([1, 2, 3])',
    nn.sigmoidDerivative([1, 2, 3]),
  );

  const image = np.array([
    [
      [0.67826139, 0.29380381],
      [0.90714982, 0.52835647],
      [0.4215251, 0.45017551],
    ],
    [
      [0.92814219, 0.96677647],
      [0.85304703, 0.52351845],
      [0.19981397, 0.27417313],
    ],
    [
      [0.60659855, 0.00533165],
      [0.10820313, 0.49978937],
      [0.34144279, 0.94630077],
    ],
  ]);
  step(
    'An image (3, 3, 2) unrolled into a (18, 1) column',
    'nn.image2vector(image)',
    nn.image2vector(image),
  );

  const rows = np.array([
    [0, 3, 4],
    [1, 6, 4],
  ]);
  step(
    'Each row divided by its L2 norm',
    'nn.normalizeRows([[0, 3, 4], [1, 6, 4]])',
    nn.normalizeRows(rows),
  );

  const scores = np.array([
    [9, 2, 5, 0, 0],
    [7, 5, 0, 0, 0],
  ]);
  step(
    'Softmax of each row (the max is subtracted first: stable)',
    'nn.softmax([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])',
    nn.softmax(scores),
  );
  step('Stable even where e^x overflows', 'nn.softmax([1000, 1000])', nn.softmax([1000, 1000]));

  const yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9]);
  const y = np.array([1, 0, 0, 1, 1]);
  step('L1 loss: sum of |y - yhat|', 'nn.l1(yhat, y)', `L1 = ${nn.l1(yhat, y)}`);
  step('L2 loss: sum of (y - yhat)^2', 'nn.l2(yhat, y)', `L2 = ${nn.l2(yhat, y)}`);
});

// ---------------------------------------------------------------- speed, measured now
const N = 1_000_000;
const COLS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of fn over a few runs, after warming it up. */
function time(fn: () => void): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const { x, matrix, target, baseline, dispose } = demoInputs(np, N, COLS);

const rowsOf: [string, () => void, () => void][] = [
  ['np.exp', () => (np.exp(x) as NDArray).dispose(), baseline('exp')],
  ['nn.sigmoid', () => nn.sigmoid(x).dispose(), baseline('sigmoid')],
  ['nn.sigmoidDerivative', () => nn.sigmoidDerivative(x).dispose(), baseline('sigmoidDerivative')],
  ['nn.softmax (rows of 1000)', () => nn.softmax(matrix).dispose(), baseline('softmax')],
  [
    'nn.normalizeRows (rows of 1000)',
    () => nn.normalizeRows(matrix).dispose(),
    baseline('normalizeRows'),
  ],
  ['nn.l1', () => void nn.l1(x, target), baseline('l1')],
  ['nn.l2', () => void nn.l2(x, target), baseline('l2')],
];

console.log(`\n# Speed at N = 1e6 (float64), measured now on this machine (median of 9 runs)`);
console.log(
  `${'function'.padEnd(34)}${'nnbasics'.padStart(12)}${'plain JS'.padStart(12)}${'speed-up'.padStart(10)}`,
);
for (const [name, ours, theirs] of rowsOf) {
  const a = time(ours);
  const b = time(theirs);
  const ns = (ms: number) => `${((ms * 1e6) / N).toFixed(2)} ns`;
  console.log(
    `${name.padEnd(34)}${ns(a).padStart(12)}${ns(b).padStart(12)}${`${(b / a).toFixed(1)}x`.padStart(10)}`,
  );
}
console.log('(ns per element; plain JS: the loops of bench/baselines.js over a Float64Array)');
dispose();
