// A tiny app, built by test/bundlers.test.ts with Vite and with esbuild: the package imported by
// name from an installed tarball, as an app would, calling functions and methods.
import np, { nn } from 'nnbasics';

const x = np.array([1, 2, 3]);
document.getElementById('out').textContent = [
  String(x.exp()),
  String(
    nn.softmax([
      [9, 2, 5, 0, 0],
      [7, 5, 0, 0, 0],
    ]),
  ),
  String(nn.l1([0.9, 0.2, 0.1, 0.4, 0.9], [1, 0, 0, 1, 1])),
  String(x.add(1).mul(2).sum()),
  String(x.get('1:')),
  String(x.gt(1).any()),
  np.getBackend(),
].join('\n');

// The other backends load on demand in a page: the test calls this after start-up.
globalThis.otherBackends = async () => {
  const results = [];
  for (const backend of ['wasm', 'js']) {
    await np.loadBackend(backend);
    results.push(`${np.getBackend()} ${np.exp([1, 2, 3])}`);
  }
  np.setBackend('wasm-simd');
  return results;
};
