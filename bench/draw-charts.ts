// `npx tsx bench/draw-charts.ts`: draws bench/results/latest.svg and ratios.svg again from
// latest.json (`npm run bench` draws them at the end of each run).
import { readFileSync, writeFileSync } from 'node:fs';
import { chartPoints, drawCharts } from './chart.js';

const results = new URL('./results/', import.meta.url);
const run = JSON.parse(readFileSync(new URL('latest.json', results), 'utf8'));
for (const [file, svg] of Object.entries(
  drawCharts(chartPoints(run.results), run.date, run.machine),
)) {
  writeFileSync(new URL(file, results), svg);
}
