// The package as a user installs it: the tarball `npm pack` makes, unpacked into a fresh app's
// node_modules, bundled by Vite and by esbuild with no configuration (and served by Vite's dev
// server), and loaded in Debian's Chromium. Methods must survive tree-shaking, a page must fetch
// only the wasm build its runtime uses (at most 250 kB minified and 100 kB gzipped at start-up,
// all responses counted), and the other backends must load on demand.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import type { Browser, Response } from 'playwright-core';
import { createServer as createViteServer, build as viteBuild, createLogger } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.js';
import { startServer } from '../scripts/static-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const available = existsSync(CHROMIUM_PATH);
if (!available && process.env.CI) throw new Error(`installed tests: ${CHROMIUM_PATH} is missing`);

const MAX_START_UP_BYTES = 250_000;
const MAX_START_UP_GZIPPED = 100_000;

const work = mkdtempSync(join(tmpdir(), 'nnbasics-installed-'));
const app = join(work, 'app');
let tarballFiles: string[] = [];

beforeAll(() => {
  // dist/ is fresh: npm test builds before vitest runs.
  const tarball = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', work],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  const packed = join(work, tarball.split('\n').at(-1)!);
  tarballFiles = execFileSync('tar', ['-tzf', packed], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
  const installed = join(app, 'node_modules/nnbasics');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', packed, '-C', installed, '--strip-components=1']);
  for (const file of ['index.html', 'main.js']) {
    copyFileSync(join(root, 'test/bundled-app', file), join(app, file));
  }
  copyFileSync(join(root, 'test/bundled-app/package.json'), join(app, 'package.json'));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the tarball', () => {
  test('holds dist, README, LICENSE and CHANGELOG, and nothing of src, build or test', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js']) {
      expect(tarballFiles).toContain(file);
    }
    expect(
      tarballFiles.filter((f) => !/^dist\/|^[A-Z]+\.md$|^LICENSE$|^package\.json$/.test(f)),
    ).toEqual([]);
    // The wasm builds travel inside dist's generated modules, gzipped: no loose .wasm files.
    expect(tarballFiles.filter((f) => f.endsWith('.wasm'))).toEqual([]);
  });

  test("require('nnbasics') says that nnbasics is an ES module", () => {
    const script = "try { require('nnbasics') } catch (e) { console.log(e.message) }";
    const said = execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(said).toMatch(/^nnbasics is an ES module: use `import np from "nnbasics"`/);
  });

  test('imported by name in Node, it is this version, with methods', async () => {
    const script =
      "const { default: np } = await import('nnbasics');" +
      'console.log(np.version, String(np.array([1, 2, 3]).add(1).sum()))';
    const said = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(said.trim()).toBe(`${pkg.version} 9`);
  });

  test('its types check in a project whose lib lacks esnext.disposable, and hide internals', () => {
    const project = join(work, 'typed');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          typeRoots: [],
        },
        files: ['main.ts'],
      }),
    );
    writeFileSync(
      join(project, 'main.ts'),
      [
        "import np, { type NDArray, nn } from 'nnbasics';",
        'const x: NDArray = np.array([1, 2, 3]);',
        'const y: NDArray = nn.sigmoid(x.add(1));',
        'const total: number | NDArray = y.sum();',
        'export const version: string = np.version;',
        'export { total };',
        '// @ts-expect-error: the block an array lives in is internal',
        'export const hidden = x.block;',
        '',
      ].join('\n'),
    );
    execFileSync('ln', ['-s', join(app, 'node_modules'), join(project, 'node_modules')]);
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const run = () =>
      execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });
});

/** Builds the app with Vite into out/, failing on any warning (Vite warns about big chunks). */
async function buildWithVite(out: string): Promise<void> {
  const logger = createLogger('warn');
  const warnings: string[] = [];
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  await viteBuild({
    root: app,
    base: './',
    customLogger: logger,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  expect(warnings).toEqual([]);
}

/** Builds the app with esbuild as its docs suggest for a page: bundled, split, minified. */
async function buildWithEsbuild(out: string): Promise<void> {
  const result = await esbuild({
    absWorkingDir: app,
    entryPoints: ['main.js'],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: out,
    logLevel: 'silent',
  });
  expect(result.warnings).toEqual([]);
  copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
}

// Lines of the lesson's NumPy output: exp([1, 2, 3]) and the softmax of two rows.
const lesson = readFileSync(new URL('./fixtures/lesson.txt', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');
const exp123 = lesson[1];
const softmax = lesson.slice(-6, -2);

const expectedOutput = [exp123, ...softmax, '1.1', '18', '[2 3]', 'true', 'wasm-simd'];

describe.runIf(available)('a bundled app in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the app: what it printed, every response of its start-up, and the other backends. */
  async function openApp(url: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const responses: Promise<{ url: string; body: Buffer }>[] = [];
    const record = (response: Response) =>
      responses.push(response.body().then((body) => ({ url: response.url(), body })));
    page.on('response', record);
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== '');
    await page.waitForLoadState('networkidle');
    const printed = (await page.textContent('#out'))!.split('\n');
    // Start-up ends here: later responses (the backends loaded on demand) are not read, so that
    // no body is still being read when the page closes.
    page.off('response', record);
    const startUp = await Promise.all(responses);
    const others = await page.evaluate(() =>
      (globalThis as unknown as { otherBackends(): Promise<string[]> }).otherBackends(),
    );
    await page.close();
    return { errors, printed, startUp, others };
  }

  for (const [bundler, bundle] of [
    ['Vite', buildWithVite],
    ['esbuild', buildWithEsbuild],
  ] as const) {
    test(`built with ${bundler}: methods work, one wasm build at start-up, the rest on demand`, async () => {
      const out = join(work, `out-${bundler}`);
      await bundle(out);
      const { server, url } = await startServer(out);
      try {
        const { errors, printed, startUp, others } = await openApp(`${url}/index.html`);
        expect(errors).toEqual([]);
        expect(printed).toEqual(expectedOutput);
        const names = startUp.map((r) => new URL(r.url).pathname.split('/').at(-1)!);
        // Chromium validates relaxed SIMD: its build, and no other.
        expect(names.filter((name) => /wasm-/.test(name))).toEqual([
          expect.stringMatching(/^wasm-relaxed-simd-/),
        ]);
        expect(names.filter((name) => /js-kernels/.test(name))).toEqual([]);
        const bytes = startUp.reduce((total, r) => total + r.body.length, 0);
        const gzipped = startUp.reduce((total, r) => total + gzipSync(r.body).length, 0);
        expect(bytes).toBeLessThanOrEqual(MAX_START_UP_BYTES);
        expect(gzipped).toBeLessThanOrEqual(MAX_START_UP_GZIPPED);
        console.log(
          `${bundler}: start-up ${(bytes / 1000).toFixed(1)} kB, gzipped ${(gzipped / 1000).toFixed(1)} kB`,
        );
        expect(others).toEqual([`wasm ${exp123}`, `js ${exp123}`]);
      } finally {
        server.close();
      }
    });
  }

  test("in Vite's dev server: methods work and the other backends load", async () => {
    const server = await createViteServer({
      root: app,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0 },
    });
    try {
      await server.listen();
      const { errors, printed, others } = await openApp(server.resolvedUrls!.local[0]);
      expect(errors).toEqual([]);
      expect(printed).toEqual(expectedOutput);
      expect(others).toEqual([`wasm ${exp123}`, `js ${exp123}`]);
    } finally {
      await server.close();
    }
  });
});
