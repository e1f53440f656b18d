// docs/from-numpy.md runs: each row's nnbasics code, after the page's setup block, gives the
// value in its last column.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import np, { nn } from '../src/index.js';

const page = readFileSync(new URL('../docs/from-numpy.md', import.meta.url), 'utf8');
const setup = /```js setup\n([\s\S]*?)```/.exec(page)![1];
// Table rows whose three cells are code: `numpy` | `nnbasics` | `value` (cells may be padded).
const rows = page
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [numpy, ours, gives] = line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim().replace(/^`|`$/g, ''));
    return { numpy, ours, gives };
  });

test('the page has its rows', () => {
  expect(rows.length).toBeGreaterThanOrEqual(25);
});

test.each(rows)('$numpy is $ours', ({ ours, gives }) => {
  const value = new Function('np', 'nn', `${setup}\nreturn (${ours});`)(np, nn);
  expect(value).toEqual(new Function(`return ${gives};`)());
});
