// `npx tsx bench/report.ts`: docs/speed.md's tables from bench/results/latest.json (see
// bench/speed-section.ts), to paste under "The latest full run"; `--front`, the README's one
// speed table. With run files as arguments (`npx tsx bench/report.ts
// bench/results/runs/*.json`), the targets' verdicts in each of them, side by side.
import { readFileSync } from 'node:fs';
import {
  type RunRecord,
  frontPageTable,
  speedSection,
  targetsAcrossRuns,
} from './speed-section.js';

const read = (file: string | URL) => JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
const files = process.argv.slice(2).filter((arg) => arg !== '--front');
const latest = () => read(new URL('./results/latest.json', import.meta.url));
console.log(
  files.length
    ? targetsAcrossRuns(files.map(read))
    : process.argv.includes('--front')
      ? frontPageTable(latest())
      : speedSection(latest()),
);
