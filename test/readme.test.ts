// The README's examples run: each `expression; // value` line of its js code blocks is evaluated
// (after the lines above it) and must give the value shown.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { expect, test } from 'vitest';
import np, { nn } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1].split('\n'));

interface Check {
  setup: string[];
  expression: string;
  shown: string;
}

function checksOf(lines: string[]): Check[] {
  const checks: Check[] = [];
  const setup: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('import ')) continue;
    // `expression; // value`, or `expression;` with the value in the comment lines below it.
    const match =
      /^(.*?);\s+\/\/ (.*)$/.exec(line) ??
      (line.endsWith(';') && lines[i + 1]?.startsWith('// ')
        ? [line, line.slice(0, -1), lines[++i].slice(3)]
        : null);
    if (!match) {
      if (line.trim() && !line.trim().startsWith('//')) setup.push(line);
      continue;
    }
    let shown = match[2];
    // A value printed over several lines continues in comment lines below.
    while (lines[i + 1]?.startsWith('// ')) shown += '\n' + lines[++i].slice(3);
    checks.push({ setup: [...setup], expression: match[1], shown });
    setup.push(match[1] + ';');
  }
  return checks;
}

const checks = blocks.flatMap(checksOf);

test('the README has examples to check', () => {
  expect(checks.length).toBeGreaterThanOrEqual(10);
});

test.each(checks.map((c) => ({ ...c, name: c.expression })))(
  'README: $name',
  ({ setup, expression, shown }) => {
    const value = new Function('np', 'nn', `${setup.join('\n')}\nreturn (${expression});`)(np, nn);
    if (typeof value === 'string' && !shown.startsWith("'")) {
      expect(value).toBe(shown); // a multi-line printout
    } else if (/^'.*'$/s.test(shown) || /^-?[\d.e+-]+$/.test(shown)) {
      expect(value).toEqual(new Function(`return ${shown};`)());
    } else {
      expect(inspect(value)).toBe(shown);
    }
  },
);
