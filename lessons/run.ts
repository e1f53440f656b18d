// `npm run lesson -- <name>`: runs a lesson in the terminal, with a progress bar while it trains,
// prints what the notebook prints, and writes its charts into lessons/out/. Without a name it
// lists the lessons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LESSONS } from './index.js';
import type { Report } from './lesson.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

/** A Report for the terminal: lines on stdout, the bar on stderr (only when it is a terminal). */
export function terminalReport(): Report & { finish(): void } {
  const tty = process.stderr.isTTY;
  let shown = -1;
  const clear = () => {
    if (tty && shown >= 0) process.stderr.write('\r\x1b[K');
  };
  return {
    line(text) {
      clear();
      console.log(text);
      shown = -1;
    },
    progress(fraction, note) {
      const percent = Math.floor(fraction * 100);
      if (!tty || percent === shown) return;
      shown = percent;
      const width = 30;
      const done = Math.round(fraction * width);
      process.stderr.write(
        `\r[${'#'.repeat(done)}${' '.repeat(width - done)}] ${percent}% ${note}`,
      );
    },
    chart(name, svg) {
      clear();
      mkdirSync(OUT, { recursive: true });
      const path = join(OUT, name);
      writeFileSync(path, svg);
      console.log(`wrote ${relative(process.cwd(), path)}`);
      shown = -1;
    },
    finish: clear,
  };
}

const name = process.argv[2];
const lesson = LESSONS.find((l) => l.name === name);
if (!lesson) {
  if (name) console.log(`no lesson named ${JSON.stringify(name)}`);
  console.log('npm run lesson -- <name>, where <name> is one of:');
  for (const l of LESSONS) console.log(`  ${l.name.padEnd(22)}${l.title}`);
  process.exitCode = name ? 1 : 0;
} else {
  const report = terminalReport();
  console.log(`# ${lesson.title}`);
  await lesson.run(report);
  report.finish();
}
