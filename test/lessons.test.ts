// The lessons against their NumPy twins (test/fixtures/lessons.json, from lessons/twins.py): the
// same data, the same initial parameters, the notebook's printed costs and accuracies, a bounded
// number of arrays while training, and charts that are SVG with their axes, title and legend.
// The lessons use the package as a user installs it ('nnbasics', the built dist/).
import np, { type NDArray } from 'nnbasics';
import { describe, expect, test } from 'vitest';
import { decisionBoundary, lineChart, ticks } from '../lessons/charts.js';
import type { Report } from '../lessons/lesson.js';
import {
  accuracy,
  initializeParameters,
  loadPlanarDataset,
  nnModel,
  planar,
  predict,
} from '../lessons/planar/planar.js';
import {
  accuracy as accuracyOf,
  data,
  initializeWithZeros,
  logisticRegression,
  optimize,
  predict as predictLogistic,
} from '../lessons/logistic-regression/logistic-regression.js';
import {
  EPOCHS,
  LAYERS,
  data as deepData,
  deep,
  initializeParametersHe,
  predictDigits,
  train,
} from '../lessons/deep/deep.js';
import { loadFixture } from './helpers.js';
import { ulpDistance } from './ulp.js';

interface PlanarTwin {
  X: number[][];
  Y: number[][];
  W1: number[][];
  costs: number[];
  accuracy: number;
  sweep: Record<string, number>;
}
const twin = loadFixture<{ planar: PlanarTwin }>('lessons').planar;

describe('planar', () => {
  test("the flower data set is NumPy's (np.random.seed(1), np.sin, np.cos)", () => {
    const { X, Y } = loadPlanarDataset();
    expect(X.shape).toEqual([2, 400]);
    expect(Y.toArray()).toEqual(twin.Y);
    const got = (X.toArray() as number[][]).flat();
    const want = twin.X.flat();
    // sin and cos are within 1 ulp of the correctly rounded value in both libraries.
    got.forEach((v, i) =>
      expect(ulpDistance(v, want[i], 'float64'), `X[${i}]`).toBeLessThanOrEqual(4),
    );
    X.dispose();
    Y.dispose();
  });

  test("the initial W1 is the notebook's (np.random.seed(2), randn * 0.01)", () => {
    const p = initializeParameters(2, 4, 1);
    expect(p.W1.toArray()).toEqual(twin.W1);
    Object.values(p).forEach((a) => a.dispose());
  });

  test("training prints the notebook's costs and reaches NumPy's accuracy, holding 4 arrays", () => {
    const { X, Y } = loadPlanarDataset();
    const before = np.memory();
    const costs: number[] = [];
    let most = 0;
    const parameters = nnModel(X, Y, 4, 10000, (i, cost) => {
      if (i % 1000 === 0) costs.push(cost);
      most = Math.max(most, np.memory().arrays);
    });
    const after = np.memory();
    // Bounded: the parameters and one iteration's temporaries, not one per iteration.
    expect(after.arrays).toBe(before.arrays + 4);
    expect(most).toBeLessThan(before.arrays + 60);
    // The printed costs (six decimals) agree until the late iterations, where the last bits of
    // the training (BLAS's order of summation in NumPy's dot) start to show, in NumPy itself.
    const printed = (c: number) => c.toFixed(6);
    expect(costs.slice(0, 8).map(printed)).toEqual(twin.costs.slice(0, 8).map(printed));
    costs.forEach((c, i) => expect(Math.abs(c - twin.costs[i])).toBeLessThan(1e-3));
    const predictions = predict(parameters, X);
    const got = accuracy(Y, predictions);
    expect(got).toBeGreaterThanOrEqual(90);
    expect(got).toBe(twin.accuracy);
    predictions.dispose();
    Object.values(parameters).forEach((a: NDArray) => a.dispose());
    X.dispose();
    Y.dispose();
    expect(np.memory().arrays).toBe(before.arrays - 2);
  });

  test('the lesson prints its lines and draws its two charts', async () => {
    const lines: string[] = [];
    const charts: Record<string, string> = {};
    const report: Report = {
      line: (text) => lines.push(text),
      progress: () => {},
      chart: (name, svg) => (charts[name] = svg),
    };
    const before = np.memory().arrays;
    await planar.run(report);
    expect(np.memory().arrays).toBe(before);
    expect(lines[0]).toBe('Cost after iteration 0: 0.693048');
    expect(lines[1]).toBe('Cost after iteration 1000: 0.288083');
    expect(lines[2]).toBe('Cost after iteration 2000: 0.254385');
    expect(lines).toContain(`Accuracy: ${twin.accuracy.toFixed(2)} %`);
    // The sweep over hidden sizes: NumPy's accuracies, within one point of 400 where training
    // has drifted (NumPy itself moves by that when one input moves by an ulp).
    for (const [nH, want] of Object.entries(twin.sweep)) {
      const line = lines.find((l) => l.startsWith(`Accuracy for ${nH} hidden units: `))!;
      expect(Math.abs(Number(line.split(': ')[1].split(' ')[0]) - want)).toBeLessThanOrEqual(0.5);
    }
    expect(Object.keys(charts).sort()).toEqual(['planar-boundary.svg', 'planar-cost.svg']);
    for (const svg of Object.values(charts)) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toMatch(/font-weight="bold">[^<]+<\/text>/); // a title
    }
    expect(charts['planar-boundary.svg']).toContain('y = 1 (blue)'); // the legend
    expect(charts['planar-cost.svg']).toContain('>iteration</text>'); // the x axis' label
  }, 60_000);
});

describe('charts', () => {
  test('ticks are round numbers covering the range', () => {
    expect(ticks(0, 10000)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    expect(ticks(0.2, 0.7)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(ticks(-4.3, 4.1)).toEqual([-4, -2, 0, 2, 4]);
  });

  test('several series get a legend and a colour each; one series none', () => {
    const two = lineChart({
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          name: 'train',
          points: [
            [0, 1],
            [1, 2],
          ],
        },
        {
          name: 'test',
          points: [
            [0, 2],
            [1, 1],
          ],
        },
      ],
    });
    expect(two).toContain('>train</text>');
    expect(two).toContain('>test</text>');
    expect(new Set(two.match(/stroke="#[0-9a-f]{6}"/g)).size).toBe(2);
    const one = lineChart({
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          name: 'cost',
          points: [
            [0, 1],
            [1, 0],
          ],
        },
      ],
    });
    expect(one).not.toContain('>cost</text>');
  });

  test('a decision boundary draws one rectangle per run of a class in each row', () => {
    const svg = decisionBoundary({
      title: 'b',
      xs: [0, 1, 2],
      ys: [0, 1],
      grid: [
        [0, 0, 1],
        [1, 1, 1],
      ],
      points: [{ x: 0, y: 0, label: 1 }],
      classNames: ['no', 'yes'],
    });
    expect(svg.match(/<rect x=/g)!.length - 1).toBe(3); // 3 runs, plus the background
    expect(svg.match(/<circle /g)!.length).toBe(1 + 2); // the point, plus the legend's two
  });
});

interface LogisticTwin {
  costs: number[];
  train: number;
  test: number;
  w: number[];
  b: number;
  rates: Record<string, number[]>;
}
const logisticTwin = loadFixture<{ logisticRegression: LogisticTwin }>(
  'lessons',
).logisticRegression;

describe('logistic regression', () => {
  test("on the digits: the notebook's costs, accuracies and weights, as NumPy's", async () => {
    const { X_train, Y_train, X_test, Y_test } = await data();
    expect(X_train.shape).toEqual([64, 1400]);
    expect(X_test.shape).toEqual([64, 397]);
    const before = np.memory().arrays;
    const start = initializeWithZeros(64);
    const { params, costs } = optimize(start.w, start.b, X_train, Y_train, 2000, 0.5);
    expect(np.memory().arrays).toBe(before + 1); // w
    expect(costs.map((c) => c.toFixed(6))).toEqual(logisticTwin.costs.map((c) => c.toFixed(6)));
    const w = params.w.toArray() as number[][];
    w.forEach(([v], i) => expect(Math.abs(v - logisticTwin.w[i])).toBeLessThan(1e-9));
    expect(Math.abs(params.b - logisticTwin.b)).toBeLessThan(1e-9);
    const train = predictLogistic(params.w, params.b, X_train);
    const test = predictLogistic(params.w, params.b, X_test);
    expect(accuracyOf(train, Y_train)).toBe(logisticTwin.train);
    expect(accuracyOf(test, Y_test)).toBe(logisticTwin.test);
    [train, test, params.w, X_train, Y_train, X_test, Y_test].forEach((a) => a.dispose());
  });

  test('the lesson prints the notebook lines and draws the learning rates with a legend', async () => {
    const lines: string[] = [];
    const charts: Record<string, string> = {};
    const before = np.memory().arrays;
    await logisticRegression.run({
      line: (text) => lines.push(text),
      progress: () => {},
      chart: (name, svg) => (charts[name] = svg),
    });
    expect(np.memory().arrays).toBe(before);
    expect(lines[1]).toBe(`Cost after iteration 100: ${logisticTwin.costs[1].toFixed(6)}`);
    expect(lines).toContain(`train accuracy: ${logisticTwin.train.toFixed(2)} %`);
    expect(lines).toContain(`test accuracy: ${logisticTwin.test.toFixed(2)} %`);
    for (const rate of Object.keys(logisticTwin.rates)) {
      expect(charts['logistic-regression-rates.svg']).toContain(`>learning rate ${rate}</text>`);
    }
  });
});

interface DeepTwin {
  W1: number[][];
  costs: number[];
  accuracies: number[];
  predicted: number[];
}
const deepTwin = loadFixture<{ deep: DeepTwin }>('lessons').deep;

describe('deep', () => {
  test("He initialisation after np.random.seed(3) is NumPy's", () => {
    const p = initializeParametersHe(LAYERS);
    const got = (p.W1.toArray() as number[][]).flat();
    // randn * sqrt(2 / 64): the draws are NumPy's to the bit, the product then too.
    expect(got).toEqual(deepTwin.W1.flat());
    Object.values(p).forEach((a) => a.dispose());
  });

  test("mini-batch training gives the twin's cost each epoch and its test accuracy", async () => {
    const { X, Y, Xtest, testLabels, testImages } = await deepData();
    const before = np.memory().arrays;
    const costs: number[] = [];
    let most = 0;
    const p = train(X, Y, EPOCHS, (_, cost) => {
      costs.push(cost);
      most = Math.max(most, np.memory().arrays);
    });
    expect(np.memory().arrays).toBe(before + 6); // three layers' W and b
    expect(most).toBeLessThan(before + 6 + 2 * 22 + 10); // the epoch's batches, then freed
    // nn.softmax is within 1.5 ulp of NumPy's quotient: the costs agree to far below print.
    costs.forEach((c, i) =>
      expect(Math.abs(c - deepTwin.costs[i]), `epoch ${i + 1}`).toBeLessThan(1e-9),
    );
    const predicted = predictDigits(Xtest, p);
    expect(predicted.toArray()).toEqual(deepTwin.predicted);
    const accuracy = np.tidy(() => (np.mean(np.equal(predicted, testLabels)) as number) * 100);
    expect(accuracy).toBe(deepTwin.accuracies.at(-1));
    expect(accuracy).toBeGreaterThanOrEqual(95);
    [predicted, X, Y, Xtest, testLabels, testImages, ...Object.values(p)].forEach((a) =>
      a.dispose(),
    );
  });

  test('the lesson prints costs per epoch and draws cost, accuracy and the misclassified digits', async () => {
    const lines: string[] = [];
    const charts: Record<string, string> = {};
    const before = np.memory().arrays;
    await deep.run({
      line: (t) => lines.push(t),
      progress: () => {},
      chart: (n, svg) => (charts[n] = svg),
    });
    expect(np.memory().arrays).toBe(before);
    expect(lines[0]).toBe(`Cost after epoch 10: ${deepTwin.costs[9].toFixed(6)}`);
    expect(lines.at(-1)).toBe(`test accuracy: ${deepTwin.accuracies.at(-1)!.toFixed(2)} %`);
    expect(Object.keys(charts).sort()).toEqual([
      'deep-accuracy.svg',
      'deep-cost.svg',
      'deep-misclassified.svg',
    ]);
    // As many misclassified digits as the twin's accuracy leaves: 397 - correct.
    const correct = Math.round((deepTwin.accuracies.at(-1)! * 397) / 100);
    expect(charts['deep-misclassified.svg']).toContain(`(${397 - correct} of 397)`);
    expect(charts['deep-misclassified.svg'].match(/>\d → \d</g)).toHaveLength(397 - correct);
  });
});
