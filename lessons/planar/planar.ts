// The course's planar lesson with nnbasics, written as a learner writes it from the notebook: the
// flower data set (np.random.seed(1), np.sin, np.cos), a network with one tanh hidden layer,
// gradient descent at learning rate 1.2, the decision boundary, and the sweep over hidden sizes.
// Its NumPy twin (planar.py) does the same steps; the lesson's test compares the two.
import np, { type NDArray } from 'nnbasics';
import { decisionBoundary, lineChart } from '../charts.js';
import type { Lesson, Report } from '../lesson.js';

type Parameters = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

/** The flower: 400 points in two classes, as the course's load_planar_dataset makes them. */
export function loadPlanarDataset(): { X: NDArray; Y: NDArray } {
  np.random.seed(1);
  const m = 400; // number of examples
  const N = m / 2; // number of points per class
  const D = 2; // dimensionality
  const X = np.zeros([m, D]);
  const Y = np.zeros([m, 1], { dtype: 'int' });
  const a = 4; // maximum ray of the flower
  for (let j = 0; j < 2; j++) {
    np.tidy(() => {
      const ix = np.slice(N * j, N * (j + 1));
      const t = np.add(
        np.linspace(j * 3.12, (j + 1) * 3.12, N),
        np.multiply(np.random.randn(N), 0.2),
      ); // theta
      const r = np.add(
        np.multiply(a, np.sin(np.multiply(4, t))),
        np.multiply(np.random.randn(N), 0.2),
      ); // radius
      X.set(ix, np.stack([np.multiply(r, np.sin(t)), np.multiply(r, np.cos(t))], 1)); // np.c_
      Y.set(ix, j);
    });
  }
  const result = np.tidy(() => ({ X: X.T.copy(), Y: Y.T.copy() }));
  X.dispose();
  Y.dispose();
  return result;
}

function sigmoid(z: NDArray): NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}

export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  // In np.tidy: the draws before the * 0.01 are freed, the parameters it returns are kept.
  return np.tidy(() => {
    const W1 = np.multiply(np.random.randn(nH, nX), 0.01);
    const b1 = np.zeros([nH, 1]);
    const W2 = np.multiply(np.random.randn(nY, nH), 0.01);
    const b2 = np.zeros([nY, 1]);
    return { W1, b1, W2, b2 };
  });
}

function forwardPropagation(X: NDArray, p: Parameters) {
  const Z1 = np.add(np.dot(p.W1, X), p.b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(p.W2, A1), p.b2);
  const A2 = sigmoid(Z2);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}

function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  const logprobs = np.add(
    np.multiply(np.log(A2), Y),
    np.multiply(np.log(np.subtract(1, A2)), np.subtract(1, Y)),
  );
  return -(np.sum(logprobs) as number) / m;
}

function backwardPropagation(
  p: Parameters,
  cache: { A1: NDArray; A2: NDArray },
  X: NDArray,
  Y: NDArray,
) {
  const m = X.shape[1];
  const { A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dZ1 = np.multiply(np.dot(p.W2.T, dZ2), np.subtract(1, np.power(A1, 2)));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dW1, db1, dW2, db2 };
}

function updateParameters(
  p: Parameters,
  grads: ReturnType<typeof backwardPropagation>,
  learningRate = 1.2,
): Parameters {
  return {
    W1: np.subtract(p.W1, np.multiply(learningRate, grads.dW1)),
    b1: np.subtract(p.b1, np.multiply(learningRate, grads.db1)),
    W2: np.subtract(p.W2, np.multiply(learningRate, grads.dW2)),
    b2: np.subtract(p.b2, np.multiply(learningRate, grads.db2)),
  };
}

function dispose(p: Parameters): void {
  Object.values(p).forEach((a) => a.dispose());
}

/**
 * nn_model: the parameters after numIterations steps of gradient descent. Each iteration runs in
 * np.tidy, which frees its temporaries and keeps the new parameters it returns; the old ones are
 * disposed, so the loop holds four arrays however long it runs. onCost sees each iteration's cost,
 * onParameters the parameters after it (to draw the boundary while training).
 */
export function nnModel(
  X: NDArray,
  Y: NDArray,
  nH: number,
  numIterations = 10000,
  onCost?: (i: number, cost: number) => void,
  onParameters?: (i: number, p: Parameters) => void,
): Parameters {
  np.random.seed(3);
  let parameters = initializeParameters(X.shape[0], nH, Y.shape[0]);
  for (let i = 0; i < numIterations; i++) {
    const next = np.tidy(() => {
      const { A2, cache } = forwardPropagation(X, parameters);
      const cost = computeCost(A2, Y);
      const grads = backwardPropagation(parameters, cache, X, Y);
      onCost?.(i, cost);
      return updateParameters(parameters, grads);
    });
    dispose(parameters);
    parameters = next;
    onParameters?.(i, parameters);
  }
  return parameters;
}

/**
 * The notebook's loop as written: numIterations steps from `parameters`, with no np.tidy and no
 * dispose, so every step's arrays wait for the garbage collector (bench/lessons.ts times it,
 * test/without-tidy.test.ts measures what it holds).
 */
export function trainWithoutTidy(
  X: NDArray,
  Y: NDArray,
  parameters: Parameters,
  numIterations: number,
): Parameters {
  let p = parameters;
  for (let i = 0; i < numIterations; i++) {
    const { cache } = forwardPropagation(X, p);
    p = updateParameters(p, backwardPropagation(p, cache, X, Y));
  }
  return p;
}

export function predict(p: Parameters, X: NDArray): NDArray {
  return np.tidy(() => np.greater(forwardPropagation(X, p).A2, 0.5));
}

/** The notebook's accuracy: (Y . p^T + (1 - Y) . (1 - p)^T) / m * 100. */
export function accuracy(Y: NDArray, predictions: NDArray): number {
  return np.tidy(() => {
    const right = np.add(
      np.dot(Y, predictions.T),
      np.dot(np.subtract(1, Y), np.subtract(1, predictions.T)),
    );
    return ((np.squeeze(right as NDArray).item() as number) / Y.size) * 100;
  });
}

/** The predicted class on a grid over the data (the notebook's plot_decision_boundary, h = step). */
export function boundaryGrid(p: Parameters, X: NDArray, step = 0.05) {
  return np.tidy(() => {
    const xMin = (np.min(X.get(0)) as number) - 1;
    const xMax = (np.max(X.get(0)) as number) + 1;
    const yMin = (np.min(X.get(1)) as number) - 1;
    const yMax = (np.max(X.get(1)) as number) + 1;
    const [xx, yy] = np.meshgrid(np.arange(xMin, xMax, step), np.arange(yMin, yMax, step));
    const points = np.stack([np.ravel(xx), np.ravel(yy)], 0); // np.c_[...].T
    const Z = predict(p, points).reshape(xx.shape);
    return {
      xs: (xx.get(0) as NDArray).toArray() as number[],
      ys: (yy.get(':', 0) as NDArray).toArray() as number[],
      grid: Z.astype('int').toArray() as number[][],
    };
  });
}

export const planar: Lesson = {
  name: 'planar',
  title: 'Planar data classification with one hidden layer',
  run(report: Report) {
    const { X, Y } = loadPlanarDataset();
    const costs: [number, number][] = [];
    const steps = 10000;
    const costChart = () =>
      lineChart({
        title: 'Cost during training (hidden layer size 4, learning rate 1.2)',
        xLabel: 'iteration',
        yLabel: 'cost',
        series: [{ name: 'cost', points: costs }],
      });
    const boundaryChart = (p: Parameters, title: string) =>
      decisionBoundary({
        title,
        ...boundaryGrid(p, X),
        points: data[0].map((x, i) => ({ x, y: data[1][i], label: labels[i] })),
        classNames: ['y = 0 (red)', 'y = 1 (blue)'],
      });
    const data = X.toArray() as number[][];
    const labels = (Y.toArray() as number[][])[0];
    const parameters = nnModel(
      X,
      Y,
      4,
      steps,
      (i, cost) => {
        if (i % 100 === 0) costs.push([i, cost]);
        if (i % 1000 === 0) report.line(`Cost after iteration ${i}: ${cost.toFixed(6)}`);
        report.progress((i + 1) / steps, `cost ${cost.toFixed(6)}`);
        if (report.draft && i % 500 === 0) report.draft('planar-cost.svg', costChart());
      },
      report.draft &&
        ((i, p) => {
          if (i % 1000 === 999)
            report.draft!(
              'planar-boundary.svg',
              boundaryChart(p, `Decision boundary after ${i + 1} iterations`),
            );
        }),
    );
    const predictions = predict(parameters, X);
    report.line(`Accuracy: ${accuracy(Y, predictions).toFixed(2)} %`);
    predictions.dispose();
    report.chart(
      'planar-boundary.svg',
      boundaryChart(parameters, 'Decision boundary for hidden layer size 4'),
    );
    report.chart('planar-cost.svg', costChart());
    dispose(parameters);
    const sizes = [1, 2, 3, 4, 5, 20, 50];
    for (const [k, nH] of sizes.entries()) {
      const p = nnModel(X, Y, nH, 5000, (i) =>
        report.progress((k + (i + 1) / 5000) / sizes.length, `${nH} hidden units`),
      );
      const predicted = predict(p, X);
      report.line(`Accuracy for ${nH} hidden units: ${accuracy(Y, predicted).toFixed(2)} %`);
      predicted.dispose();
      dispose(p);
    }
    X.dispose();
    Y.dispose();
  },
};
