// Takes docs/playground.png: the playground after running the lesson and the benchmark, in
// Debian's Chromium driven by playwright-core (no browser download).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.js';
import { startServer } from './static-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { server, url } = await startServer(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.goto(`${url}/playground/`);
  await page.waitForSelector('#output[data-runs="1"]');
  await page.click('#bench');
  await page.waitForSelector('#bench-status:text("done")', { timeout: 120_000 });
  await page.screenshot({ path: join(root, 'docs/playground.png'), fullPage: true });
  console.log('wrote docs/playground.png');
} finally {
  await browser.close();
  server.close();
}
