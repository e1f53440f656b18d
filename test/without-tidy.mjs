// The planar lesson's loop as the notebook writes it (trainWithoutTidy: no np.tidy, no dispose),
// for the number of steps given; test/without-tidy.test.ts runs it in a process of its own, so
// that its memory is fresh. Prints what the steps left held, and the heap's size, as JSON.
import np from '../dist/index.js';
import {
  initializeParameters,
  loadPlanarDataset,
  trainWithoutTidy,
} from '../build/lessons/planar/planar.js';

const iterations = Number(process.argv[2]);
const { X, Y } = loadPlanarDataset();
const parameters = initializeParameters(2, 4, 1);
const start = np.memory();
const p = trainWithoutTidy(X, Y, parameters, iterations);
const end = np.memory();
console.log(
  JSON.stringify({
    arrays: end.arrays - start.arrays,
    bytes: end.bytes - start.bytes,
    heapBytes: end.heapBytes,
    cost: np.tidy(() => np.sum(np.square(p.W1))),
  }),
);
