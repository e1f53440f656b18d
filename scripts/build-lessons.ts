// `npm run build:lessons`: the lessons compiled for the browser (build/lessons/), where the
// playground's worker runs them. A worker has no import map, so the bare 'nnbasics' of the
// lessons' imports is rewritten to the package's own dist/index.js, and the digits go beside
// the code that fetches them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'lessons');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'lessons', 'tsconfig.build.json')], {
  stdio: 'inherit',
});
for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js')) continue;
  const path = join(out, file);
  const dist = relative(dirname(path), join(root, 'dist', 'index.js')).replaceAll('\\', '/');
  const text = readFileSync(path, 'utf8').replaceAll("from 'nnbasics'", `from '${dist}'`);
  writeFileSync(path, text);
}
copyFileSync(join(root, 'lessons', 'data', 'digits.json'), join(out, 'data', 'digits.json'));
