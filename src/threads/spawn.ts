// Starting a worker from source text: `new Worker(source, { eval: true })` in Node, a blob: URL in
// a page, so that neither a bundler nor a loader has to find a file of the worker's own.
import { inNode } from '../wasm.js';
import { nodeModule } from './node-module.js';

interface NodeWorker {
  postMessage(message: unknown): void;
  unref(): void;
  on(event: string, listener: () => void): void;
}
type WorkerThreads = { Worker: new (source: string, options: { eval: true }) => NodeWorker };

/** What a worker's source ends with: its function `start` gets the first message. */
const RECEIVE_FIRST_MESSAGE = `
if (typeof process === 'object' && typeof process.getBuiltinModule === 'function') {
process.getBuiltinModule('node:worker_threads').parentPort.once('message', start);
} else {
self.onmessage = (event) => start(event.data);
}
`;

/**
 * Starts a worker running `code` (which defines `function start(message)`) and posts it
 * `message`. Throws where no worker can start; a worker that fails later only never reports
 * itself ready (its caller's fallback).
 */
export function spawnWorker(code: string, message: object): void {
  const source = code + RECEIVE_FIRST_MESSAGE;
  if (inNode) {
    const { Worker } = nodeModule('node:worker_threads') as WorkerThreads;
    const worker = new Worker(source, { eval: true });
    worker.on('error', () => {});
    worker.unref(); // a script ends when its own work does
    worker.postMessage(message);
  } else {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.postMessage(message);
  }
}
