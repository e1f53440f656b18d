// An L-layer network with nnbasics, as the course builds one: ReLU hidden layers, a softmax
// output (nn.softmax) and the cross-entropy cost (nn.crossEntropy), He initialisation after
// np.random.seed(3), and mini-batches drawn with np.random.permutation as the course's
// random_mini_batches draws them; on all ten handwritten digits. Its NumPy twin is deep.py.
import np, { type NDArray, nn } from 'nnbasics';
import { imageGrid, lineChart } from '../charts.js';
import { loadDigits, split } from '../data/digits.js';
import type { Lesson, Report } from '../lesson.js';

export const LAYERS = [64, 32, 16, 10];
export const EPOCHS = 40;
const BATCH = 64;
const LEARNING_RATE = 0.1;

type Parameters = Record<string, NDArray>;

export function initializeParametersHe(layersDims: number[]): Parameters {
  np.random.seed(3);
  return np.tidy(() => {
    const p: Parameters = {};
    for (let l = 1; l < layersDims.length; l++) {
      p[`W${l}`] = np.multiply(
        np.random.randn(layersDims[l], layersDims[l - 1]),
        Math.sqrt(2 / layersDims[l - 1]),
      );
      p[`b${l}`] = np.zeros([layersDims[l], 1]);
    }
    return p;
  });
}

/** The course's random_mini_batches: a permutation after np.random.seed(seed), then slices. */
export function randomMiniBatches(
  X: NDArray,
  Y: NDArray,
  miniBatchSize = 64,
  seed = 0,
): [NDArray, NDArray][] {
  np.random.seed(seed);
  const m = X.shape[1];
  const permutation = np.random.permutation(m);
  const shuffledX = X.get(':', permutation) as NDArray;
  const shuffledY = Y.get(':', permutation) as NDArray;
  const batches: [NDArray, NDArray][] = [];
  for (let start = 0; start < m; start += miniBatchSize) {
    const part = np.slice(start, Math.min(start + miniBatchSize, m));
    batches.push([shuffledX.get(':', part) as NDArray, shuffledY.get(':', part) as NDArray]);
  }
  [permutation, shuffledX, shuffledY].forEach((a) => a.dispose()); // the slices keep their memory
  return batches;
}

function forward(X: NDArray, p: Parameters, L: number) {
  const caches: [NDArray, NDArray][] = [];
  let A = X;
  for (let l = 1; l < L; l++) {
    const Z = np.add(np.dot(p[`W${l}`], A), p[`b${l}`]);
    caches.push([A, Z]);
    A = nn.relu(Z);
  }
  const Z = np.add(np.dot(p[`W${L}`], A), p[`b${L}`]);
  caches.push([A, Z]);
  return { AL: nn.softmax(Z, { axis: 0 }), caches };
}

function backward(
  AL: NDArray,
  Y: NDArray,
  caches: [NDArray, NDArray][],
  p: Parameters,
  L: number,
): Parameters {
  const m = Y.shape[1];
  const grads: Parameters = {};
  let dZ = np.subtract(AL, Y); // softmax and cross-entropy together
  let dA: NDArray | undefined;
  for (let l = L; l >= 1; l--) {
    const [Aprev, Z] = caches[l - 1];
    if (l < L) dZ = np.multiply(dA!, np.greater(Z, 0));
    grads[`dW${l}`] = np.multiply(1 / m, np.dot(dZ, Aprev.T));
    grads[`db${l}`] = np.multiply(1 / m, np.sum(dZ, { axis: 1, keepdims: true }));
    dA = np.dot(p[`W${l}`].T, dZ) as NDArray;
  }
  return grads;
}

/** X (64, m) scaled to [0, 1], one-hot Y (10, m), and the test set with its labels. */
export async function data() {
  const { images, labels } = await loadDigits();
  const { trainX, trainLabels, testX, testLabels } = split(images, labels);
  const flatten = (x: NDArray) => np.tidy(() => np.divide(x.reshape(x.shape[0], -1).T, 16));
  const oneHot = (y: NDArray) => np.tidy(() => (np.eye(10).get(y) as NDArray).T.copy());
  const out = {
    X: flatten(trainX),
    Y: oneHot(trainLabels),
    Xtest: flatten(testX),
    testLabels,
    testImages: testX,
  };
  [images, labels, trainX, trainLabels].forEach((a) => a.dispose());
  return out;
}

/**
 * Mini-batch gradient descent for `epochs` epochs: each mini-batch step in np.tidy (the new
 * parameters kept, the old ones disposed). onEpoch sees each epoch's mean cost and the
 * parameters after it.
 */
export function train(
  X: NDArray,
  Y: NDArray,
  epochs: number,
  onEpoch: (epoch: number, cost: number, p: Parameters) => void,
  onBatch?: (fraction: number) => void,
): Parameters {
  const L = LAYERS.length - 1;
  let p = initializeParametersHe(LAYERS);
  let seed = 10;
  const m = X.shape[1];
  for (let epoch = 0; epoch < epochs; epoch++) {
    seed = seed + 1;
    let total = 0;
    const batches = randomMiniBatches(X, Y, BATCH, seed);
    batches.forEach(([batchX, batchY], k) => {
      const next = np.tidy(() => {
        const { AL, caches } = forward(batchX, p, L);
        total += nn.crossEntropy(AL.T, batchY.T) * batchX.shape[1];
        const grads = backward(AL, batchY, caches, p, L);
        const updated: Parameters = {};
        for (let l = 1; l <= L; l++) {
          updated[`W${l}`] = np.subtract(p[`W${l}`], np.multiply(LEARNING_RATE, grads[`dW${l}`]));
          updated[`b${l}`] = np.subtract(p[`b${l}`], np.multiply(LEARNING_RATE, grads[`db${l}`]));
        }
        return updated;
      });
      Object.values(p).forEach((a) => a.dispose());
      p = next;
      batchX.dispose();
      batchY.dispose();
      onBatch?.((epoch + (k + 1) / batches.length) / epochs);
    });
    onEpoch(epoch, total / m, p);
  }
  return p;
}

/** The predicted digit of each column of X: the argmax of the softmax output. */
export function predictDigits(X: NDArray, p: Parameters): NDArray {
  return np.tidy(() => np.argmax(forward(X, p, LAYERS.length - 1).AL, 0) as NDArray);
}

export const deep: Lesson = {
  name: 'deep',
  title: 'A deep network (ReLU layers 32 and 16, softmax output) on all ten digits',
  async run(report: Report) {
    const { X, Y, Xtest, testLabels, testImages } = await data();
    const costs: [number, number][] = [];
    const accuracies: [number, number][] = [];
    const costChart = () =>
      lineChart({
        title: 'Cost per epoch (mini-batches of 64)',
        xLabel: 'epoch',
        yLabel: 'cost',
        series: [{ name: 'cost', points: costs }],
      });
    const accuracyChart = () =>
      lineChart({
        title: 'Test accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'accuracy (%)',
        series: [{ name: 'test accuracy', points: accuracies }],
      });
    const testAccuracy = (p: Parameters) =>
      np.tidy(() => (np.mean(np.equal(predictDigits(Xtest, p), testLabels)) as number) * 100);
    const p = train(
      X,
      Y,
      EPOCHS,
      (epoch, cost, params) => {
        costs.push([epoch + 1, cost]);
        accuracies.push([epoch + 1, testAccuracy(params)]);
        if ((epoch + 1) % 10 === 0)
          report.line(`Cost after epoch ${epoch + 1}: ${cost.toFixed(6)}`);
        report.draft?.('deep-cost.svg', costChart());
        report.draft?.('deep-accuracy.svg', accuracyChart());
      },
      (fraction) =>
        report.progress(fraction, `epoch ${Math.min(EPOCHS, Math.floor(fraction * EPOCHS) + 1)}`),
    );
    report.line(`test accuracy: ${accuracies.at(-1)![1].toFixed(2)} %`);
    report.chart('deep-cost.svg', costChart());
    report.chart('deep-accuracy.svg', accuracyChart());
    // The misclassified test digits, each captioned "true → predicted".
    const predicted = predictDigits(Xtest, p);
    const truth = testLabels.toArray() as number[];
    const guesses = predicted.toArray() as number[];
    const wrong = truth.flatMap((t, i) => (t !== guesses[i] ? [i] : []));
    const images = wrong.map((i) => ({
      pixels: np.tidy(() =>
        np
          .divide(testImages.get(i) as NDArray, 16)
          .ravel()
          .toArray(),
      ) as number[],
      side: 8,
      caption: `${truth[i]} → ${guesses[i]}`,
    }));
    report.chart(
      'deep-misclassified.svg',
      imageGrid({
        title: `Misclassified test digits (${wrong.length} of ${truth.length}): true → predicted`,
        images,
      }),
    );
    [predicted, X, Y, Xtest, testLabels, testImages, ...Object.values(p)].forEach((a) =>
      a.dispose(),
    );
  },
};
