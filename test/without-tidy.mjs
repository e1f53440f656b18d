// The planar lesson's training step as the notebook writes it, without np.tidy or dispose, for
// the number of steps given (test/without-tidy.test.ts runs it in a process of its own, so that
// its memory is fresh). Prints np.memory() at the end, as JSON.
import np from '../dist/index.js';
import { initializeParameters, loadPlanarDataset } from '../build/lessons/planar/planar.js';

const iterations = Number(process.argv[2]);
const { X, Y } = loadPlanarDataset();
let p = initializeParameters(2, 4, 1);
const m = X.shape[1];
const start = np.memory();
for (let i = 0; i < iterations; i++) {
  const A1 = np.tanh(np.add(np.dot(p.W1, X), p.b1));
  const A2 = np.divide(1, np.add(1, np.exp(np.negative(np.add(np.dot(p.W2, A1), p.b2)))));
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dZ1 = np.multiply(np.dot(p.W2.T, dZ2), np.subtract(1, np.power(A1, 2)));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  p = {
    W1: np.subtract(p.W1, np.multiply(1.2, dW1)),
    b1: np.subtract(p.b1, np.multiply(1.2, db1)),
    W2: np.subtract(p.W2, np.multiply(1.2, dW2)),
    b2: np.subtract(p.b2, np.multiply(1.2, db2)),
  };
}
const end = np.memory();
console.log(
  JSON.stringify({
    arrays: end.arrays - start.arrays,
    bytes: end.bytes - start.bytes,
    heapBytes: end.heapBytes,
    cost: np.tidy(() => np.sum(np.square(p.W1))),
  }),
);
