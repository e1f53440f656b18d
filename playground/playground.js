// The playground: run nnbasics code typed by the user and show results as NumPy prints them,
// and measure nnbasics against plain JavaScript in this browser.
import np, { nn } from '../dist/index.js';
import { demoInputs } from '../bench/baselines.js';

const LESSON = `// The lesson. print(x) shows x as NumPy prints it.
print(nn.basicSigmoid(1));
print(np.exp([1, 2, 3]));
print(nn.sigmoid([1, 2, 3]));
print(nn.sigmoidDerivative([1, 2, 3]));

const image = np.array([
  [[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
  [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
  [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]],
]);
print(nn.image2vector(image));

print(nn.normalizeRows([[0, 3, 4], [1, 6, 4]]));
print(nn.softmax([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]));

const yhat = [0.9, 0.2, 0.1, 0.4, 0.9];
const y = [1, 0, 0, 1, 1];
print(nn.l1(yhat, y));
print(nn.l2(yhat, y));
`;

const code = document.getElementById('code');
const output = document.getElementById('output');
document.getElementById('backend').textContent = np.getBackend();
const { simd, relaxedSimd } = np.wasmFeatures();
document.getElementById('features').textContent = relaxedSimd
  ? 'relaxed SIMD'
  : simd
    ? 'SIMD'
    : 'no SIMD';
document.getElementById('bench-backend').textContent = np.getBackend();
// Kernel threads need a cross-origin isolated page (npm run serve sends COOP and COEP headers).
const threads = np.getThreads();
document.getElementById('threads').textContent = `${threads} thread${threads === 1 ? '' : 's'}`;
code.value = LESSON;

/** Runs the editor's code; arrays it makes are freed afterwards (np.tidy). */
function run() {
  const lines = [];
  const print = (x) => lines.push(typeof x === 'string' ? x : String(x));
  output.classList.remove('error');
  try {
    np.tidy(() => {
      new Function('np', 'nn', 'print', code.value)(np, nn, print);
    });
    output.textContent = lines.join('\n');
  } catch (error) {
    output.classList.add('error');
    output.textContent = [...lines, `${error.name}: ${error.message}`].join('\n');
  }
  output.dataset.runs = String(Number(output.dataset.runs ?? 0) + 1);
}

document.getElementById('run').addEventListener('click', run);
document.getElementById('reset').addEventListener('click', () => {
  code.value = LESSON;
  code.focus();
});
code.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});

// ---------------------------------------------------------------- benchmark

const N = 100_000;
const COLS = 1000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median ns per element of fn after warming it up (the first calls run in V8's baseline tier).
 * Each sample repeats fn for at least 20 ms: browsers coarsen performance.now().
 */
function measure(fn) {
  let reps = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - start >= 20) break;
    reps *= 2;
  }
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    for (let r = 0; r < reps; r++) fn();
    samples.push((performance.now() - start) / reps);
  }
  return (median(samples) * 1e6) / N;
}

function benchmarks() {
  const { x, matrix, target, baseline, dispose } = demoInputs(np, N, COLS);
  const cases = [
    ['exp', () => np.exp(x).dispose(), baseline('exp')],
    ['sigmoid', () => nn.sigmoid(x).dispose(), baseline('sigmoid')],
    ['sum', () => np.sum(x), baseline('sum')],
    ['softmax (rows)', () => nn.softmax(matrix).dispose(), baseline('softmax')],
    ['l1', () => nn.l1(x, target), baseline('l1')],
  ];
  return { cases, dispose };
}

function chart(rows) {
  const width = 420;
  const barHeight = 14;
  const left = 110;
  const max = Math.max(...rows.flatMap((r) => [r.ours, r.theirs]));
  const scale = (v) => ((width - left - 50) * v) / max;
  const parts = rows.map((r, i) => {
    const y = 10 + i * (2 * barHeight + 14);
    return `<text x="0" y="${y + barHeight + 2}" font-size="12">${r.name}</text>
      <rect x="${left}" y="${y}" width="${scale(r.ours)}" height="${barHeight}" fill="#1f5fbf"><title>nnbasics ${r.ours.toFixed(2)} ns</title></rect>
      <text x="${left + scale(r.ours) + 4}" y="${y + 11}" font-size="11">${r.ours.toFixed(2)}</text>
      <rect x="${left}" y="${y + barHeight + 2}" width="${scale(r.theirs)}" height="${barHeight}" fill="#9aa5b5"><title>plain JS ${r.theirs.toFixed(2)} ns</title></rect>
      <text x="${left + scale(r.theirs) + 4}" y="${y + barHeight + 13}" font-size="11">${r.theirs.toFixed(2)}</text>`;
  });
  const height = 20 + rows.length * (2 * barHeight + 14);
  return `<svg role="img" aria-label="ns per element: nnbasics in blue, plain JavaScript in grey" viewBox="0 0 ${width} ${height}" width="100%">${parts.join('')}</svg>`;
}

document.getElementById('bench').addEventListener('click', async () => {
  const status = document.getElementById('bench-status');
  const table = document.getElementById('bench-table');
  const body = table.querySelector('tbody');
  body.textContent = '';
  const { cases, dispose } = benchmarks();
  const rows = [];
  for (const [name, ours, theirs] of cases) {
    status.textContent = `measuring ${name}…`;
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the page update
    const row = { name, ours: measure(ours), theirs: measure(theirs) };
    rows.push(row);
    const tr = document.createElement('tr');
    for (const text of [
      name,
      `${row.ours.toFixed(2)} ns`,
      `${row.theirs.toFixed(2)} ns`,
      `${(row.theirs / row.ours).toFixed(1)}×`,
    ]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
    table.hidden = false;
  }
  dispose();
  document.getElementById('bench-chart').innerHTML = chart(rows);
  document.getElementById('bench-figure').hidden = false;
  status.textContent = 'done';
});

// ---------------------------------------------------------------- lessons

const lessonOutput = document.getElementById('lesson-output');
const lessonCharts = document.getElementById('lesson-charts');
const lessonProgress = document.getElementById('lesson-progress');
const lessonNote = document.getElementById('lesson-note');
let worker;

/** The figure that shows chart `name`, made on its first drawing and redrawn in place after. */
function figureFor(name) {
  let figure = lessonCharts.querySelector(`figure[data-name="${name}"]`);
  if (!figure) {
    figure = document.createElement('figure');
    figure.dataset.name = name;
    lessonCharts.append(figure);
  }
  return figure;
}

document.getElementById('lesson-run').addEventListener('click', () => {
  worker?.terminate();
  lessonOutput.textContent = '';
  lessonCharts.textContent = '';
  lessonOutput.dataset.state = 'running';
  lessonProgress.value = 0;
  worker = new Worker(new URL('./lesson-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.kind === 'ready')
      worker.postMessage({ name: document.getElementById('lesson').value });
    else if (data.kind === 'line') lessonOutput.textContent += `${data.text}\n`;
    else if (data.kind === 'progress') {
      lessonProgress.value = data.fraction;
      lessonNote.textContent = data.note;
      lessonProgress.dataset.updates = String(Number(lessonProgress.dataset.updates ?? 0) + 1);
    } else if (data.kind === 'chart') {
      const figure = figureFor(data.name);
      figure.innerHTML = data.svg;
      figure.dataset.drafts = String(Number(figure.dataset.drafts ?? 0) + (data.draft ? 1 : 0));
    } else if (data.kind === 'done' || data.kind === 'error') {
      if (data.kind === 'error') lessonOutput.textContent += data.text;
      lessonOutput.dataset.state = data.kind;
      lessonNote.textContent = data.kind === 'done' ? 'done' : 'failed';
      worker.terminate();
    }
  };
  worker.onerror = (event) => {
    lessonOutput.textContent += `the lesson could not start: ${event.message ?? 'a worker error'}`;
    lessonOutput.dataset.state = 'error';
  };
});

run();
