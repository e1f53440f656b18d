// The README, docs/guide.md and docs/threads.md: each `expression; // value` line of their js code blocks is
// evaluated (after the lines above it) and must give the value shown. The README stays a front
// page: short, its links alive, its speed table the latest run's.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { type RunRecord, frontPageTable } from '../bench/speed-section.js';
import np, { nn } from '../src/index.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');
const guide = read('docs/guide.md');
const threads = read('docs/threads.md');
const blocks = [readme, guide, threads].flatMap((text) =>
  [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1].split('\n')),
);

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

test('the README and the guide have examples to check', () => {
  expect(checksOf(blocks[0]).length).toBeGreaterThanOrEqual(6);
  expect(checks.length).toBeGreaterThanOrEqual(30);
});

test.each(checks.map((c) => ({ ...c, name: c.expression })))(
  'example: $name',
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

describe('the README as a front page', () => {
  test('is under 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  const markdown = [
    'README.md',
    ...readdirSync(new URL('../docs/', import.meta.url))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  test.each(markdown)('%s links only to files of the repository that exist', (file) => {
    const text = read(file);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    if (file === 'README.md') expect(links.length).toBeGreaterThan(10);
    const folder = new URL(`../${file}`, import.meta.url);
    for (const link of links.filter((l) => !/^https?:/.test(l))) {
      const [path, anchor] = link.split('#');
      const target = new URL(path || file.split('/').at(-1)!, folder);
      expect(target.pathname.startsWith(new URL('..', import.meta.url).pathname), link).toBe(true);
      expect(existsSync(target), `${file}: ${link}`).toBe(true);
      if (anchor && target.pathname.endsWith('.md')) {
        const headings = readFileSync(target, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('#'))
          .map((line) =>
            line
              .replace(/^#+\s*/, '')
              .toLowerCase()
              .replace(/[^\w\s-]/g, '')
              .replace(/\s+/g, '-'),
          );
        expect(headings, `${file}: ${link}`).toContain(anchor);
      }
    }
  });

  test("its speed table is the latest full run's (bench/report.ts --front)", () => {
    const run = JSON.parse(read('bench/results/latest.json')) as RunRecord;
    const cells = (table: string) =>
      table
        .split('\n')
        .filter((line) => line.startsWith('|') && !line.startsWith('| -'))
        .map((line) => line.split('|').map((cell) => cell.trim()));
    const shown = readme.slice(readme.indexOf('| float64, ns per element at N = 1e5'));
    const expected = frontPageTable(run);
    expect(cells(shown.slice(0, shown.indexOf('\n\n')))).toEqual(cells(expected));
    expect(run.quick).toBe(false);
    expect(readme).toContain(run.date.slice(0, 10));
  });
});
