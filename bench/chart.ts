// The bench's two charts, plain SVG text with no dependency:
// - bench/results/ratios.svg (the README's): at one N, each op's time as a ratio to NumPy's, for
//   nnbasics and for the fastest JS peer, one row per op and dtype;
// - bench/results/latest.svg (docs/speed.md's): ns/element against N on log scales, one panel per
//   op and dtype, one line per engine.
// Every engine has a colour and a marker of its own (ENGINE_STYLES), so that no two series look
// alike; an engine without one is an error, not a black line.

export interface Point {
  engine: string;
  op: string;
  dtype: string;
  n: number;
  nsPerElement: number;
}

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'plus' | 'bar';

export const ENGINE_STYLES: Record<string, { color: string; marker: Marker; dash?: string }> = {
  'nnbasics wasm-simd': { color: '#1f5fbf', marker: 'circle' },
  'nnbasics threads': { color: '#0b2e6b', marker: 'cross', dash: '4 2' },
  'nnbasics relaxed-simd': { color: '#00a0b0', marker: 'diamond' },
  'nnbasics wasm': { color: '#7b61c9', marker: 'square' },
  'nnbasics js': { color: '#9e9e9e', marker: 'triangle' },
  numpy: { color: '#e07b00', marker: 'circle', dash: '6 3' },
  'numpy malloc-tuned': { color: '#b23b00', marker: 'plus', dash: '2 2' },
  'plain JS': { color: '#333333', marker: 'cross' },
  'tfjs-cpu': { color: '#c2185b', marker: 'square' },
  'tfjs-wasm': { color: '#e573a8', marker: 'diamond' },
  numjs: { color: '#2e7d32', marker: 'triangle' },
  'ndarray-ops': { color: '#9e9d24', marker: 'plus' },
  'read floor': { color: '#000000', marker: 'bar', dash: '1 3' },
};

/** The JS libraries nnbasics is compared with (the ratio chart shows the fastest of them). */
export const JS_PEERS = ['plain JS', 'tfjs-cpu', 'tfjs-wasm', 'numjs', 'ndarray-ops'];

function styleOf(engine: string) {
  const style = ENGINE_STYLES[engine];
  if (!style) throw new Error(`bench chart: no colour and marker for engine ${engine}`);
  return style;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** One marker of a series at (x, y), with a tooltip. */
export function marker(shape: Marker, x: number, y: number, color: string, title: string): string {
  const r = 3.5;
  const tip = `<title>${escape(title)}</title>`;
  const at = (dx: number, dy: number) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`;
  const polygon = (points: string) =>
    `<polygon data-marker="${shape}" points="${points}" fill="${color}">${tip}</polygon>`;
  const strokes = (d: string) =>
    `<path data-marker="${shape}" d="${d}" stroke="${color}" stroke-width="2" fill="none">${tip}</path>`;
  switch (shape) {
    case 'circle':
      return `<circle data-marker="circle" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${color}">${tip}</circle>`;
    case 'square':
      return polygon([at(-r, -r), at(r, -r), at(r, r), at(-r, r)].join(' '));
    case 'triangle':
      return polygon([at(0, -r - 1), at(r + 1, r), at(-r - 1, r)].join(' '));
    case 'diamond':
      return polygon([at(0, -r - 1), at(r + 1, 0), at(0, r + 1), at(-r - 1, 0)].join(' '));
    case 'cross':
      return strokes(`M${at(-r, -r)} L${at(r, r)} M${at(-r, r)} L${at(r, -r)}`);
    case 'plus':
      return strokes(`M${at(-r - 1, 0)} L${at(r + 1, 0)} M${at(0, -r - 1)} L${at(0, r + 1)}`);
    case 'bar':
      return strokes(`M${at(0, -r - 2)} L${at(0, r + 2)}`);
  }
}

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
    ticks.push(10 ** e);
  return ticks;
}

function svgStart(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="16" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
}

/** A legend entry: the series' line (dashed where it is) and marker, then its name. */
function legendEntry(engine: string, x: number, y: number, label = engine): string[] {
  const { color, marker: shape, dash } = styleOf(engine);
  return [
    `<line x1="${x}" y1="${y - 4}" x2="${x + 24}" y2="${y - 4}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    marker(shape, x + 12, y - 4, color, engine),
    `<text x="${x + 30}" y="${y}">${escape(label)}</text>`,
  ];
}

/** ns/element against N, one panel per op and dtype, one line per engine. */
export function drawChart(points: readonly Point[], title: string): string {
  const panels = [...new Set(points.map((p) => `${p.op} ${p.dtype}`))];
  const engines = [...new Set(points.map((p) => p.engine))];
  const columns = 4;
  const [pw, ph] = [300, 210];
  const [ml, mt, mr, mb] = [46, 26, 10, 30];
  const legendHeight = 24 + Math.ceil(engines.length / 5) * 18;
  const width = columns * pw;
  const height = legendHeight + Math.ceil(panels.length / columns) * ph + 10;
  const out = svgStart(width, height, title);
  engines.forEach((engine, i) => {
    out.push(...legendEntry(engine, 8 + (i % 5) * 235, 34 + Math.floor(i / 5) * 18));
  });
  panels.forEach((panel, index) => {
    const ox = (index % columns) * pw;
    const oy = legendHeight + Math.floor(index / columns) * ph;
    const mine = points.filter((p) => `${p.op} ${p.dtype}` === panel && p.nsPerElement > 0);
    if (mine.length === 0) return;
    const ns = mine.map((p) => p.nsPerElement);
    const sizes = mine.map((p) => p.n);
    const [xMin, xMax] = [Math.min(...sizes), Math.max(...sizes)];
    const [yMin, yMax] = [Math.min(...ns) / 1.5, Math.max(...ns) * 1.5];
    const sx = (n: number) =>
      ox + ml + (xMax === xMin ? 0.5 : Math.log(n / xMin) / Math.log(xMax / xMin)) * (pw - ml - mr);
    const sy = (v: number) =>
      oy + mt + (1 - Math.log(v / yMin) / Math.log(yMax / yMin)) * (ph - mt - mb);
    out.push(`<text x="${ox + ml}" y="${oy + 16}" font-weight="bold">${escape(panel)}</text>`);
    out.push(
      `<rect x="${ox + ml}" y="${oy + mt}" width="${pw - ml - mr}" height="${ph - mt - mb}" fill="none" stroke="#bbb"/>`,
    );
    for (const t of logTicks(yMin, yMax).filter((t) => t >= yMin && t <= yMax)) {
      out.push(
        `<line x1="${ox + ml}" x2="${ox + pw - mr}" y1="${sy(t)}" y2="${sy(t)}" stroke="#eee"/>`,
      );
      out.push(
        `<text x="${ox + ml - 4}" y="${sy(t) + 4}" text-anchor="end">${t >= 1 ? t : t.toPrecision(1)}</text>`,
      );
    }
    for (const n of [...new Set(sizes)]) {
      out.push(
        `<text x="${sx(n)}" y="${oy + ph - mb + 14}" text-anchor="middle">${n.toExponential(0).replace('+', '')}</text>`,
      );
    }
    out.push(
      `<text x="${ox + 10}" y="${oy + mt + (ph - mt - mb) / 2}" transform="rotate(-90 ${ox + 10} ${oy + mt + (ph - mt - mb) / 2})" text-anchor="middle" fill="#666">ns/element</text>`,
    );
    for (const engine of engines) {
      const line = mine.filter((p) => p.engine === engine).sort((a, b) => a.n - b.n);
      if (line.length === 0) continue;
      const { color, marker: shape, dash } = styleOf(engine);
      const path = line
        .map((p, i) => `${i ? 'L' : 'M'}${sx(p.n).toFixed(1)},${sy(p.nsPerElement).toFixed(1)}`)
        .join(' ');
      out.push(
        `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
      for (const p of line) {
        const tip = `${engine}: ${p.nsPerElement.toPrecision(3)} ns at N=${p.n}`;
        out.push(marker(shape, sx(p.n), sy(p.nsPerElement), color, tip));
      }
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * At one N, each op's time as a ratio to NumPy's (log scale; left of 1 is faster than NumPy):
 * nnbasics' default backend, and the fastest JS peer of that row, named beside its marker.
 */
export function drawRatioChart(points: readonly Point[], n: number, title: string): string {
  const at = points.filter((p) => p.n === n && p.nsPerElement > 0);
  const rows = [...new Set(at.map((p) => `${p.op} ${p.dtype}`))].flatMap((row) => {
    const mine = at.filter((p) => `${p.op} ${p.dtype}` === row);
    const numpy = mine.find((p) => p.engine === 'numpy');
    const ours = mine.find((p) => p.engine === 'nnbasics wasm-simd');
    const peers = mine.filter((p) => JS_PEERS.includes(p.engine));
    if (!numpy || !ours || peers.length === 0) return [];
    const peer = peers.reduce((a, b) => (b.nsPerElement < a.nsPerElement ? b : a));
    return [
      {
        row,
        ours: ours.nsPerElement / numpy.nsPerElement,
        peer: peer.nsPerElement / numpy.nsPerElement,
        peerName: peer.engine,
      },
    ];
  });
  const [ml, mr, mt, rowHeight] = [150, 110, 84, 20];
  const plotWidth = 520;
  const width = ml + plotWidth + mr;
  const height = mt + rows.length * rowHeight + 36;
  const ratios = rows.flatMap((r) => [r.ours, r.peer]);
  const [lo, hi] = [
    10 ** Math.floor(Math.log10(Math.min(...ratios, 0.5))),
    10 ** Math.ceil(Math.log10(Math.max(...ratios, 2))),
  ];
  const sx = (ratio: number) => ml + (Math.log(ratio / lo) / Math.log(hi / lo)) * plotWidth;
  const out = svgStart(width, height, title);
  out.push(`<text x="8" y="36">the fastest JS peer of each row is named beside its marker</text>`);
  const legend = ['nnbasics wasm-simd', ...new Set(rows.map((r) => r.peerName))];
  legend.forEach((engine, i) => out.push(...legendEntry(engine, 8 + i * 160, 56)));
  const plotTop = mt - 8;
  const plotBottom = mt + rows.length * rowHeight;
  for (const t of logTicks(lo, hi)) {
    out.push(
      `<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${plotTop}" y2="${plotBottom}" stroke="${t === 1 ? '#e07b00' : '#eee'}" stroke-width="${t === 1 ? 2 : 1}"/>`,
    );
    out.push(
      `<text x="${sx(t).toFixed(1)}" y="${plotBottom + 14}" text-anchor="middle">${t >= 1 ? t : t.toPrecision(1)}×</text>`,
    );
  }
  out.push(
    `<text x="${sx(1).toFixed(1)}" y="${plotTop - 4}" text-anchor="middle" fill="#e07b00">NumPy = 1</text>`,
    `<text x="${ml + plotWidth / 2}" y="${plotBottom + 30}" text-anchor="middle" fill="#666">time per element ÷ NumPy's (left of 1: faster than NumPy)</text>`,
  );
  rows.forEach((r, i) => {
    const y = mt + i * rowHeight + rowHeight / 2;
    out.push(`<text x="${ml - 8}" y="${y + 4}" text-anchor="end">${escape(r.row)}</text>`);
    out.push(
      `<line x1="${sx(Math.min(r.ours, r.peer)).toFixed(1)}" x2="${sx(Math.max(r.ours, r.peer)).toFixed(1)}" y1="${y}" y2="${y}" stroke="#ccc"/>`,
    );
    const peer = styleOf(r.peerName);
    out.push(
      marker(peer.marker, sx(r.peer), y, peer.color, `${r.peerName}: ${r.peer.toFixed(2)}×`),
      `<text x="${(sx(r.peer) + 8).toFixed(1)}" y="${y + 4}" fill="${peer.color}">${escape(r.peerName)}</text>`,
    );
    const ours = styleOf('nnbasics wasm-simd');
    out.push(marker(ours.marker, sx(r.ours), y, ours.color, `nnbasics: ${r.ours.toFixed(2)}×`));
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The points the charts draw: every measured cell but matmul's (its N counts output elements). */
export function chartPoints(
  results: readonly {
    engine: string;
    op: string;
    dtype: string;
    n: number;
    status: string;
    nsPerElement?: number | null;
  }[],
): Point[] {
  return results
    .filter((r) => r.status === 'ok' && r.op !== 'matmul' && r.nsPerElement)
    .map((r) => ({
      engine: r.engine,
      op: r.op,
      dtype: r.dtype,
      n: r.n,
      nsPerElement: r.nsPerElement!,
    }));
}

/** Both charts of a run, by file name in bench/results/. */
export function drawCharts(
  points: readonly Point[],
  date: string,
  machine: string,
): Record<'latest.svg' | 'ratios.svg', string> {
  const day = date.slice(0, 10);
  return {
    'latest.svg': drawChart(points, `nnbasics bench, ${day}: ${machine}`),
    'ratios.svg': drawRatioChart(
      points,
      RATIO_N,
      `Time against NumPy's at N = 1e5 (float64 and float32), ${day}: ${machine}`,
    ),
  };
}

/** The N of the ratio chart: where most speed targets are judged. */
export const RATIO_N = 1e5;
