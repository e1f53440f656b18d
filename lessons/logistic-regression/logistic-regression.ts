// The course's logistic-regression exercise with nnbasics, written as a learner writes it from the
// notebook (initialize with zeros, propagate, optimize, predict, model), on real images: the UCI
// handwritten digits, flattened and scaled, one digit (3) against the rest. Its NumPy twin is
// logistic_regression.py.
import np, { type NDArray } from 'nnbasics';
import { lineChart } from '../charts.js';
import { loadDigits, split } from '../data/digits.js';
import type { Lesson, Report } from '../lesson.js';

export const DIGIT = 3;

function sigmoid(z: NDArray): NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}

export function initializeWithZeros(dim: number): { w: NDArray; b: number } {
  return { w: np.zeros([dim, 1]), b: 0.0 };
}

export function propagate(w: NDArray, b: number, X: NDArray, Y: NDArray) {
  const m = X.shape[1];
  const A = sigmoid(np.add(np.dot(w.T, X), b));
  const logLikelihood = np.add(
    np.multiply(Y, np.log(A)),
    np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A))),
  );
  const cost = (-1 / m) * (np.sum(logLikelihood) as number);
  const dw = np.multiply(1 / m, np.dot(X, np.subtract(A, Y).T));
  const db = (1 / m) * (np.sum(np.subtract(A, Y)) as number);
  return { grads: { dw, db }, cost };
}

/**
 * Gradient descent for numIterations steps, each in np.tidy (which keeps the new w it returns);
 * the cost every 100 iterations, as the notebook records it.
 */
export function optimize(
  w: NDArray,
  b: number,
  X: NDArray,
  Y: NDArray,
  numIterations = 100,
  learningRate = 0.009,
  onCost?: (i: number, cost: number) => void,
) {
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    const step = np.tidy(() => {
      const { grads, cost } = propagate(w, b, X, Y);
      return {
        w: np.subtract(w, np.multiply(learningRate, grads.dw)),
        b: b - learningRate * grads.db,
        cost,
      };
    });
    w.dispose();
    ({ w, b } = step);
    if (i % 100 === 0) costs.push(step.cost);
    onCost?.(i, step.cost);
  }
  return { params: { w, b }, costs };
}

/** The notebook's predict, element by element: Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0. */
export function predict(w: NDArray, b: number, X: NDArray): NDArray {
  const m = X.shape[1];
  const Yprediction = np.zeros([1, m]);
  np.tidy(() => {
    const A = sigmoid(np.add(np.dot(w.T, X), b));
    for (let i = 0; i < A.shape[1]; i++)
      Yprediction.set(0, i, (A.get(0, i) as number) > 0.5 ? 1 : 0);
  });
  return Yprediction;
}

/** The notebook's train_set_x, train_set_y, test_set_x, test_set_y, for the digits. */
export async function data() {
  const { images, labels } = await loadDigits();
  const { trainX, trainLabels, testX, testLabels } = split(images, labels);
  const flatten = (x: NDArray) => np.tidy(() => np.divide(x.reshape(x.shape[0], -1).T, 16));
  const label = (y: NDArray) => np.tidy(() => np.equal(y, DIGIT).astype('float').reshape(1, -1));
  const out = {
    X_train: flatten(trainX),
    Y_train: label(trainLabels),
    X_test: flatten(testX),
    Y_test: label(testLabels),
  };
  [images, labels, trainX, trainLabels, testX, testLabels].forEach((a) => a.dispose());
  return out;
}

/** 100 - mean(|prediction - y|) * 100, the notebook's accuracy in percent. */
export function accuracy(prediction: NDArray, Y: NDArray): number {
  return np.tidy(() => 100 - (np.mean(np.abs(np.subtract(prediction, Y))) as number) * 100);
}

export const logisticRegression: Lesson = {
  name: 'logistic-regression',
  title: `Logistic regression: is this handwritten digit a ${DIGIT}?`,
  async run(report: Report) {
    const { X_train, Y_train, X_test, Y_test } = await data();
    const iterations = 2000;
    const { w, b } = initializeWithZeros(X_train.shape[0]);
    const seen: [number, number][] = [];
    const costChart = (points: [number, number][]) =>
      lineChart({
        title: 'Cost during training (2,000 iterations, learning rate 0.5)',
        xLabel: 'iteration',
        yLabel: 'cost',
        series: [{ name: 'cost', points }],
      });
    const { params, costs } = optimize(w, b, X_train, Y_train, iterations, 0.5, (i, cost) => {
      if (i % 100 === 0) report.line(`Cost after iteration ${i}: ${cost.toFixed(6)}`);
      report.progress((i + 1) / iterations, `cost ${cost.toFixed(6)}`);
      if (i % 20 === 0) seen.push([i, cost]);
      if (report.draft && i % 200 === 0)
        report.draft('logistic-regression-cost.svg', costChart(seen));
    });
    const train = predict(params.w, params.b, X_train);
    const test = predict(params.w, params.b, X_test);
    report.line(`train accuracy: ${accuracy(train, Y_train).toFixed(2)} %`);
    report.line(`test accuracy: ${accuracy(test, Y_test).toFixed(2)} %`);
    [train, test, params.w].forEach((a) => a.dispose());
    // The notebook's comparison of learning rates, one cost curve each.
    const rates = [0.5, 0.05, 0.005];
    const series = rates.map((rate, k) => {
      const start = initializeWithZeros(X_train.shape[0]);
      const run = optimize(start.w, start.b, X_train, Y_train, 1500, rate, (i) =>
        report.progress((k + (i + 1) / 1500) / rates.length, `learning rate ${rate}`),
      );
      run.params.w.dispose();
      return {
        name: `learning rate ${rate}`,
        points: run.costs.map((c, i): [number, number] => [i * 100, c]),
      };
    });
    report.chart(
      'logistic-regression-cost.svg',
      costChart(costs.map((c, i): [number, number] => [i * 100, c])),
    );
    report.chart(
      'logistic-regression-rates.svg',
      lineChart({
        title: 'Cost for three learning rates',
        xLabel: 'iteration',
        yLabel: 'cost',
        series,
      }),
    );
    [X_train, Y_train, X_test, Y_test].forEach((a) => a.dispose());
  },
};
