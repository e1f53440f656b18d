// The code a kernel thread runs, as text, which spawn.ts starts as a worker (from the text itself:
// neither a bundler nor a loader has to find a file of its own, and the tests, which import src/,
// need no compiled worker). Plain JS, kept small (a page with threads fetches it at start-up), so
// without comments or indentation:
//
// The main thread posts { module, memory, control, scratch, parts } once. The worker instantiates
// the same compiled build over the same shared memory, points its kernels' staging buffers at a
// block of its own (assembly/scratch.ts), and then watches its control block (layout in
// pool.ts): a call is POSTED by the main thread and started by whichever thread swaps it first,
// the worker (RUNNING, then DONE) or the main thread taking it back (see pool.ts). A started call
// takes parts from the queue at `parts` until none is left. After each call the worker spins for
// about a millisecond, so that the next call of a training loop finds it awake (a wake-up from
// Atomics.wait takes 20-60 us); then it sleeps until notified.
//
// - `s` is the control block as int32 (pool.ts): [0] the call's state (1 POSTED, 2 RUNNING,
//   3 DONE, 4 DECLINED), [1] asleep, [2] ready, [3] the kernel's index, [4] its argument count,
//   [5] the worker's own run of the queue, [6] the runs, [7] the parts this worker ran; `m` the
//   control block as float64, m[15] the memory the parts need.
// - `q` is the queue's header as int32 (run r's counter q[r], its end q[8 + r]) and `a` the
//   queue as float64 (part i's arguments from a[8 + 16 i]): static memory, below the heap, so the
//   views made at the start always reach it.
// - A call the worker takes while its view of a grown memory is still short is DECLINED, before
//   it takes a part: the main thread runs them itself.
// - `t` is when the worker stops spinning and sleeps.
export const WORKER_SOURCE = `function start({ module, memory, control, scratch, parts }) {
const abort = () => { throw new Error('nnbasics: wasm kernel aborted'); };
const instance = new WebAssembly.Instance(module, { env: { memory, abort } });
instance.exports.setScratch(scratch);
const kernels = Object.values(instance.exports);
const s = new Int32Array(memory.buffer, control, 16);
const m = new Float64Array(memory.buffer, control, 16);
const q = new Int32Array(memory.buffer, parts, 16);
const a = new Float64Array(memory.buffer, parts, 512);
Atomics.store(s, 2, 1);
let t = performance.now() + 1;
for (;;) {
if (Atomics.load(s, 0) === 1 && Atomics.compareExchange(s, 0, 1, 2) === 1) {
if (memory.buffer.byteLength < m[15]) Atomics.store(s, 0, 4);
else {
const kernel = kernels[s[3]], argc = s[4], own = s[5], runs = s[6];
let ran = 0;
for (let k = 0; k < runs; k++) {
const r = (own + k) % runs;
for (let i; (i = Atomics.add(q, r, 1)) < q[8 + r]; ran++) kernel.apply(null, a.subarray(8 + 16 * i, 8 + 16 * i + argc));
}
s[7] = ran;
Atomics.store(s, 0, 3);
}
t = performance.now() + 1;
} else if (performance.now() > t) {
Atomics.store(s, 1, 1);
const seen = Atomics.load(s, 0);
if (seen !== 1) Atomics.wait(s, 0, seen);
Atomics.store(s, 1, 0);
t = performance.now() + 1;
}
}
}
`;
