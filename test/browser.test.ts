// nnbasics in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
// browser). The playground runs the lesson and prints what NumPy prints; the fallback build is
// chosen without SIMD; no request leaves the package's own files. Bundled apps: installed.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from '../scripts/chromium.js';
import { startServer } from '../scripts/static-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// In CI the browser must be there (.ci/run installs it); elsewhere these tests say they skipped.
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`browser tests: ${CHROMIUM} is missing`);

const lesson = readFileSync(new URL('./fixtures/lesson.txt', import.meta.url), 'utf8').trimEnd();
const lessons = JSON.parse(
  readFileSync(new URL('./fixtures/lessons.json', import.meta.url), 'utf8'),
) as {
  planar: { costs: number[]; accuracy: number };
  logisticRegression: { test: number };
  deep: { accuracies: number[] };
};

describe.runIf(available)('in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await startServer(root));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function openPlayground(disableSimd: boolean) {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    if (disableSimd) {
      await page.addInitScript(() => {
        (globalThis as { NNBASICS_DISABLE_SIMD?: boolean }).NNBASICS_DISABLE_SIMD = true;
      });
    }
    await page.goto(`${url}/playground/`);
    await page.waitForSelector('#output[data-runs="1"]', { timeout: 30_000 });
    return { page, requests, errors };
  }

  test('the playground runs the lesson and prints exactly what NumPy prints', async () => {
    const { page, requests, errors } = await openPlayground(false);
    expect(errors).toEqual([]);
    expect(await page.textContent('#backend')).toBe('wasm-simd');
    // Chromium has had relaxed SIMD since 114: the fused multiply-add build is the one chosen.
    expect(await page.textContent('#features')).toBe('relaxed SIMD');
    expect(await page.textContent('#output')).toBe(lesson);
    // Edit and run again: the output follows the editor.
    await page.fill('#code', 'print(np.linalg.norm([3, 4])); print(np.arange(4).reshape(2, 2).T)');
    await page.click('#run');
    await page.waitForSelector('#output[data-runs="2"]');
    expect(await page.textContent('#output')).toBe('5\n[[0 2]\n [1 3]]');
    // Errors are shown in NumPy's words, not thrown at the page.
    await page.fill('#code', 'print(np.add(np.ones([2, 3]), [1, 2]))');
    await page.click('#run');
    await page.waitForSelector('#output[data-runs="3"]');
    expect(await page.textContent('#output')).toBe(
      'ValueError: operands could not be broadcast together with shapes (2,3) (2,) ',
    );
    // (blob: is a kernel thread's code, made in the page.)
    expect(requests.every((r) => r.startsWith(url) || r.startsWith(`blob:${url}/`))).toBe(true);
    await page.close();
  });

  test('without SIMD the fallback module is chosen and prints the same', async () => {
    const { page, errors } = await openPlayground(true);
    expect(errors).toEqual([]);
    expect(await page.textContent('#backend')).toBe('wasm');
    expect(await page.textContent('#features')).toBe('no SIMD');
    expect(await page.textContent('#output')).toBe(lesson);
    await page.close();
  });

  test('a cross-origin isolated page runs kernel threads: the same bits as one thread', async () => {
    const { page, errors } = await openPlayground(false);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const expected = Math.min(cores, 4);
    expect(await page.textContent('#threads')).toBe(
      `${expected} thread${expected === 1 ? '' : 's'}`,
    );
    // As a string: vitest would rewrite a dynamic import() inside a function passed here.
    const outcome = await page.evaluate<{
      isolated: boolean;
      results: object[];
      prefaulted: boolean;
    }>(`(async () => {
      const { default: np, nn } = await import('/dist/index.js');
      const pool = await import('/dist/threads/pool.js');
      const x = np.random.defaultRng(3).standardNormal([300_001]);
      const bits = (a) => Array.from(new Uint8Array(a.data.slice().buffer));
      const ops = [(v) => np.exp(v), (v) => nn.sigmoid(v), (v) => np.tanh(v)];
      const results = [];
      for (const op of ops) {
        for (let attempt = 0; attempt < 20; attempt++) {
          np.setThreads(1);
          const one = bits(op(x));
          np.setThreads(2);
          const before = pool.partsRunByWorkers;
          const two = bits(op(x));
          const onWorker = pool.partsRunByWorkers > before;
          if (onWorker || attempt === 19) {
            results.push({ same: one.every((b, i) => b === two[i]), onWorker });
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20)); // the worker is starting
        }
      }
      // Threads on: the pages above the heap's top are mapped by the prefault worker.
      const { prefaultedTo } = await import('/dist/threads/prefault.js');
      const held = Array.from({ length: 500 }, () => np.ones([512]));
      for (let tries = 0; tries < 100 && prefaultedTo() === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      held.forEach((a) => a.dispose());
      return { isolated: crossOriginIsolated, results, prefaulted: prefaultedTo() > 0 };
    })()`);
    expect(outcome.isolated).toBe(true);
    expect(outcome.prefaulted).toBe(true);
    expect(outcome.results).toEqual(new Array(3).fill({ same: true, onWorker: cores > 1 }));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page that is not cross-origin isolated runs one thread, with no error', async () => {
    const plain = await startServer(root, 0, { isolated: false });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${plain.url}/playground/`);
      await page.waitForSelector('#output[data-runs="1"]', { timeout: 30_000 });
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      expect(await page.textContent('#threads')).toBe('1 thread');
      expect(await page.textContent('#output')).toBe(lesson);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      plain.server.close();
    }
  });

  test('the benchmark view measures and draws its chart', async () => {
    const { page } = await openPlayground(false);
    await page.click('#bench');
    await page.waitForSelector('#bench-status:text("done")', { timeout: 120_000 });
    expect(await page.locator('#bench-table tbody tr').count()).toBe(5);
    expect(await page.locator('#bench-chart svg rect').count()).toBe(10);
    await page.close();
  });

  test("the playground trains the planar lesson in a worker: Node's costs, live charts", async () => {
    const { page, errors } = await openPlayground(false);
    await page.selectOption('#lesson', 'planar');
    await page.click('#lesson-run');
    await page.waitForSelector('#lesson-output[data-state="done"]', {
      state: 'attached',
      timeout: 120_000,
    });
    expect(errors).toEqual([]);
    const lines = (await page.textContent('#lesson-output'))!.trim().split('\n');
    // The same printed costs as in Node and in NumPy (the relaxed-SIMD build's fused
    // multiply-adds show only in the late iterations' sixth decimal).
    const costs = lessons.planar.costs.slice(0, 8);
    costs.forEach((c, i) =>
      expect(lines[i]).toBe(`Cost after iteration ${i * 1000}: ${c.toFixed(6)}`),
    );
    expect(lines).toContain(`Accuracy: ${lessons.planar.accuracy.toFixed(2)} %`);
    // The bar moved while training, and the boundary was redrawn during it, not only at the end.
    expect(Number(await page.getAttribute('#lesson-progress', 'data-updates'))).toBeGreaterThan(10);
    const boundary = page.locator('figure[data-name="planar-boundary.svg"]');
    expect(Number(await boundary.getAttribute('data-drafts'))).toBeGreaterThanOrEqual(5);
    expect(await boundary.locator('svg rect').count()).toBeGreaterThan(100);
    expect(await page.locator('figure[data-name="planar-cost.svg"] svg path').count()).toBe(1);
    await page.close();
  }, 150_000);

  // The last line each prints: the test accuracy of its NumPy twin.
  test.each([
    ['logistic-regression', `test accuracy: ${lessons.logisticRegression.test.toFixed(2)} %`],
    ['deep', `test accuracy: ${lessons.deep.accuracies.at(-1)!.toFixed(2)} %`],
  ])(
    'the playground trains the %s lesson on the fetched digits',
    async (name, last) => {
      const { page, errors } = await openPlayground(false);
      await page.selectOption('#lesson', name);
      await page.click('#lesson-run');
      await page.waitForSelector('#lesson-output[data-state="done"]', {
        state: 'attached',
        timeout: 60_000,
      });
      expect(errors).toEqual([]);
      expect((await page.textContent('#lesson-output'))!.trim().split('\n').at(-1)).toBe(last);
      expect(await page.locator('#lesson-charts figure svg').count()).toBeGreaterThanOrEqual(2);
      await page.close();
    },
    90_000,
  );
});
