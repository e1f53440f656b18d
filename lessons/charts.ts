// The lessons' charts as SVG, written here (no dependency): line charts (cost and accuracy
// curves), a decision boundary (a grid of predicted classes as filled regions, the data points
// on top), and a grid of small images (misclassified digits). Each has a title, axes with ticks
// and labels, and a legend where there are several series. Runs in Node and in the browser.

export const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const REGION_COLORS = ['#f4c7c3', '#c6dbef'];
const POINT_COLORS = ['#d62728', '#1f77b4'];

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 55 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** About `count` round tick values covering [low, high] (1, 2 or 5 times a power of ten apart). */
export function ticks(low: number, high: number, count = 6): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

function label(v: number): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(v);
}

interface Frame {
  x: (v: number) => number;
  y: (v: number) => number;
  parts: string[];
}

/** The plot area, axes with ticks and labels, and the title; returns the coordinate maps. */
function frame(
  title: string,
  xLabel: string,
  yLabel: string,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
): Frame {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v - x0) / (x1 - x0 || 1)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;
  const parts = [
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escape(title)}</text>`,
  ];
  const axes: string[] = [
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${MARGIN.left + plotW}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
  ];
  for (const t of ticks(x0, x1)) {
    axes.push(
      `<line x1="${x(t)}" y1="${MARGIN.top + plotH}" x2="${x(t)}" y2="${MARGIN.top + plotH + 5}" stroke="black"/>`,
      `<text x="${x(t)}" y="${MARGIN.top + plotH + 19}" text-anchor="middle" font-size="12">${label(t)}</text>`,
    );
  }
  for (const t of ticks(y0, y1)) {
    axes.push(
      `<line x1="${MARGIN.left - 5}" y1="${y(t)}" x2="${MARGIN.left}" y2="${y(t)}" stroke="black"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="12">${label(t)}</text>`,
    );
  }
  axes.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle" font-size="13">${escape(xLabel)}</text>`,
    `<text x="16" y="${MARGIN.top + plotH / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})">${escape(yLabel)}</text>`,
  );
  return { x, y, parts: [...parts, ...axes] };
}

function svg(parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function legend(entries: { name: string; color: string; marker: 'line' | 'dot' }[]): string[] {
  const x = WIDTH - MARGIN.right - 170;
  return entries.flatMap((e, i) => {
    const y = MARGIN.top + 14 + i * 18;
    const mark =
      e.marker === 'line'
        ? `<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${e.color}" stroke-width="2.5"/>`
        : `<circle cx="${x + 11}" cy="${y - 4}" r="4" fill="${e.color}"/>`;
    return [mark, `<text x="${x + 28}" y="${y}" font-size="12">${escape(e.name)}</text>`];
  });
}

function extent(values: number[], pad = 0): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  return [low - pad * span, high + pad * span];
}

export interface Series {
  name: string;
  points: [number, number][];
}

/** A line chart of one or more series (a legend when there are several). */
export function lineChart(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
}): string {
  const all = options.series.flatMap((s) => s.points);
  const f = frame(
    options.title,
    options.xLabel,
    options.yLabel,
    extent(all.map((p) => p[0])),
    extent(
      all.map((p) => p[1]),
      0.05,
    ),
  );
  const lines = options.series.map((s, i) => {
    const d = s.points
      .map(([px, py], k) => `${k ? 'L' : 'M'}${f.x(px).toFixed(1)},${f.y(py).toFixed(1)}`)
      .join('');
    return `<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2"/>`;
  });
  const keys =
    options.series.length > 1
      ? legend(
          options.series.map((s, i) => ({
            name: s.name,
            color: COLORS[i % COLORS.length],
            marker: 'line',
          })),
        )
      : [];
  return svg([...f.parts, ...lines, ...keys]);
}

/**
 * A decision boundary: `grid[row][col]` is the class (0 or 1) predicted at (xs[col], ys[row]),
 * drawn as filled regions (runs of one class per row), with the points coloured by label.
 */
export function decisionBoundary(options: {
  title: string;
  xs: number[];
  ys: number[];
  grid: number[][];
  points: { x: number; y: number; label: number }[];
  classNames: [string, string];
}): string {
  const { xs, ys, grid } = options;
  const dx = xs[1] - xs[0];
  const dy = ys[1] - ys[0];
  const f = frame(
    options.title,
    'x1',
    'x2',
    [xs[0] - dx / 2, xs[xs.length - 1] + dx / 2],
    [ys[0] - dy / 2, ys[ys.length - 1] + dy / 2],
  );
  const regions: string[] = [];
  grid.forEach((row, r) => {
    const top = f.y(ys[r] + dy / 2);
    const height = f.y(ys[r] - dy / 2) - top;
    for (let start = 0; start < row.length;) {
      let end = start;
      while (end + 1 < row.length && row[end + 1] === row[start]) end++;
      const left = f.x(xs[start] - dx / 2);
      const width = f.x(xs[end] + dx / 2) - left;
      regions.push(
        `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${(width + 0.5).toFixed(1)}" height="${(height + 0.5).toFixed(1)}" fill="${REGION_COLORS[row[start]]}"/>`,
      );
      start = end + 1;
    }
  });
  const dots = options.points.map(
    (p) =>
      `<circle cx="${f.x(p.x).toFixed(1)}" cy="${f.y(p.y).toFixed(1)}" r="3" fill="${POINT_COLORS[p.label]}" stroke="black" stroke-width="0.4"/>`,
  );
  const keys = legend([
    { name: options.classNames[0], color: POINT_COLORS[0], marker: 'dot' },
    { name: options.classNames[1], color: POINT_COLORS[1], marker: 'dot' },
  ]);
  // The axes again on top of the regions.
  const [background, titleText, ...axes] = f.parts;
  const filled = ['<g shape-rendering="crispEdges">', ...regions, '</g>'];
  return svg([background, titleText, ...filled, ...axes, ...dots, ...keys]);
}

/** A grid of small grey images (values in [0, 1], rows of `side` pixels), each with a caption. */
export function imageGrid(options: {
  title: string;
  images: { pixels: number[]; side: number; caption: string }[];
  columns?: number;
}): string {
  const columns = options.columns ?? 8;
  const cell = 64;
  const rows = Math.max(1, Math.ceil(options.images.length / columns));
  const width = columns * (cell + 10) + 20;
  const height = rows * (cell + 28) + 50;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escape(options.title)}</text>`,
  ];
  options.images.forEach((image, k) => {
    const x0 = 10 + (k % columns) * (cell + 10);
    const y0 = 40 + Math.floor(k / columns) * (cell + 28);
    const px = cell / image.side;
    image.pixels.forEach((v, i) => {
      const shade = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
      const x = x0 + (i % image.side) * px;
      const y = y0 + Math.floor(i / image.side) * px;
      parts.push(
        `<rect x="${x}" y="${y}" width="${px}" height="${px}" fill="rgb(${shade},${shade},${shade})"/>`,
      );
    });
    parts.push(
      `<text x="${x0 + cell / 2}" y="${y0 + cell + 16}" text-anchor="middle" font-size="12">${escape(image.caption)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
