// Runs a lesson off the page's thread, so that the page stays responsive while it trains: the
// lesson's report (lines, progress, charts, the charts drawn while training) becomes messages.
import { LESSONS } from '../build/lessons/index.js';

self.onmessage = async ({ data }) => {
  const lesson = LESSONS.find((l) => l.name === data.name);
  const post = (message) => self.postMessage(message);
  let shown = 0;
  try {
    await lesson.run({
      line: (text) => post({ kind: 'line', text }),
      progress(fraction, note) {
        // A few updates a second are enough for a bar (and cheaper than one per iteration).
        const now = performance.now();
        if (now - shown < 50 && fraction < 1) return;
        shown = now;
        post({ kind: 'progress', fraction, note });
      },
      chart: (name, svg) => post({ kind: 'chart', name, svg }),
      draft: (name, svg) => post({ kind: 'chart', name, svg, draft: true }),
    });
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'error', text: `${error.name}: ${error.message}` });
  }
};
// The module (nnbasics loads its wasm with a top-level await) is ready: a message posted to the
// worker before now would have found no handler, so the page waits for this one.
self.postMessage({ kind: 'ready' });
