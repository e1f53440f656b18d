// The digits of digits.json as nnbasics arrays, and the lessons' fixed split of them (the same as
// digits.py's: np.random.seed(0), a permutation, the first 1,400 to train on).
import np, { type NDArray } from 'nnbasics';

export interface DigitsFile {
  shape: [number, number, number];
  images: string;
  labels: string;
}

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** images (1797, 8, 8) of floats 0..16 and labels (1797,) of ints, from the file's contents. */
export function digitsFrom(file: DigitsFile): { images: NDArray; labels: NDArray } {
  const flat = np.array(bytes(file.images), { dtype: 'float64' });
  const images = flat.reshape(file.shape);
  flat.dispose();
  return { images, labels: np.array(bytes(file.labels), { dtype: 'int' }) };
}

/** digits.json, beside this module: read from disk in Node, fetched in a browser. */
export async function loadDigits(): Promise<{ images: NDArray; labels: NDArray }> {
  const url = new URL('./digits.json', import.meta.url);
  let text: string;
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    text = await readFile(url, 'utf8');
  } else {
    text = await (await fetch(url)).text();
  }
  return digitsFrom(JSON.parse(text) as DigitsFile);
}

/** The fixed train/test split, as digits.py's split. */
export function split(images: NDArray, labels: NDArray, train = 1400) {
  np.random.seed(0);
  const order = np.random.permutation(labels.size);
  const trainIndex = order.get(np.slice(0, train)) as NDArray;
  const testIndex = order.get(np.slice(train, null)) as NDArray;
  const result = {
    trainX: images.get(trainIndex) as NDArray,
    trainLabels: labels.get(trainIndex) as NDArray,
    testX: images.get(testIndex) as NDArray,
    testLabels: labels.get(testIndex) as NDArray,
  };
  [order, trainIndex, testIndex].forEach((a) => a.dispose());
  return result;
}
