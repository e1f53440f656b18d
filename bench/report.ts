// `npx tsx bench/report.ts`: the README's speed section from bench/results/latest.json (see
// bench/speed-section.ts), to paste between "Run of" and the chart. With run files as arguments
// (`npx tsx bench/report.ts bench/results/runs/*.json`), the targets' verdicts in each of them,
// side by side.
import { readFileSync } from 'node:fs';
import { type RunRecord, speedSection, targetsAcrossRuns } from './speed-section.js';

const read = (file: string | URL) => JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
const files = process.argv.slice(2);
console.log(
  files.length
    ? targetsAcrossRuns(files.map(read))
    : speedSection(read(new URL('./results/latest.json', import.meta.url))),
);
