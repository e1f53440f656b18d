// A tiny app built with Vite: the package imported by name, as an app would.
import np, { nn } from 'nnbasics';

document.getElementById('out').textContent = [
  String(np.exp([1, 2, 3])),
  String(
    nn.softmax([
      [9, 2, 5, 0, 0],
      [7, 5, 0, 0, 0],
    ]),
  ),
  String(nn.l1([0.9, 0.2, 0.1, 0.4, 0.9], [1, 0, 0, 1, 1])),
  np.getBackend(),
].join('\n');
