// `npm run build:wasm`: compiles the targets of asconfig.json that the package embeds (simd,
// relaxed, nosimd; `debug`, with its .wat text and source map, is built on demand by
// `npx asc assembly/index.ts --target debug`), and the bench's read probe (not shipped: build/bench/
// is outside the package's files), as many at once as the machine has cores. Like make, it skips
// the compiles when every output is newer than every input (asc takes half a minute here).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';

const config = JSON.parse(readFileSync(new URL('../asconfig.json', import.meta.url), 'utf8')) as {
  targets: Record<string, { outFile: string }>;
};
const PROBE = [
  'assembly/bench/read-floor.ts',
  ...['--outFile', 'build/bench/read-floor.wasm', '--optimizeLevel', '3', '--enable', 'simd'],
  ...['--runtime', 'stub', '--importMemory', '--initialMemory', '1', '--noAssert'],
];
const pending: string[][] = [
  ...Object.keys(config.targets)
    .filter((target) => target !== 'debug')
    .map((target) => ['assembly/index.ts', '--target', target]),
  PROBE,
];
const require = createRequire(import.meta.url);
const ascCli = join(dirname(require.resolve('assemblyscript/package.json')), 'bin', 'asc.js');

function compile(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ascCli, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`asc ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function worker(): Promise<void> {
  for (let args = pending.shift(); args; args = pending.shift()) await compile(args);
}

/** Modification time of a file in ms; 0 when it does not exist. */
const modified = (path: string) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** True when every output is newer than every source, the config, this script and asc itself. */
function upToDate(): boolean {
  const inputs = [
    ...readdirSync('assembly', { recursive: true, encoding: 'utf8' }).map((f) =>
      join('assembly', f),
    ),
    'asconfig.json',
    'scripts/build-wasm.ts',
    require.resolve('assemblyscript/package.json'),
  ];
  const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
  const outputs = pending.map((args) =>
    args.includes('--target')
      ? config.targets[after(args, '--target')].outFile
      : after(args, '--outFile'),
  );
  return Math.min(...outputs.map(modified)) > Math.max(...inputs.map(modified));
}

if (upToDate()) {
  console.log('build-wasm: build/*.wasm are newer than their sources; not recompiled');
  process.exit(0);
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), pending.length) }, worker));
