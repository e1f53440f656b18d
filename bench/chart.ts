// Draws bench/results/latest.svg: one panel per op and dtype, ns/element against N on log
// scales, one line per engine. Plain SVG text, no dependency.

export interface Point {
  engine: string;
  op: string;
  dtype: string;
  n: number;
  nsPerElement: number;
}

const COLORS: Record<string, string> = {
  'nnbasics wasm-simd': '#1f5fbf',
  'nnbasics wasm': '#6f9be0',
  'nnbasics js': '#a7c1ea',
  numpy: '#e07b00',
  'plain JS': '#555555',
  'tfjs-cpu': '#c2185b',
  'tfjs-wasm': '#8e24aa',
  numjs: '#2e7d32',
  'ndarray-ops': '#9e9d24',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
    ticks.push(10 ** e);
  return ticks;
}

/** The chart as an SVG document. */
export function drawChart(points: readonly Point[], title: string): string {
  const panels = [...new Set(points.map((p) => `${p.op} ${p.dtype}`))];
  const engines = [...new Set(points.map((p) => p.engine))];
  const columns = 4;
  const [pw, ph] = [300, 210];
  const [ml, mt, mr, mb] = [46, 26, 10, 30];
  const legendHeight = 24 + Math.ceil(engines.length / 5) * 18;
  const width = columns * pw;
  const height = legendHeight + Math.ceil(panels.length / columns) * ph + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="16" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
  engines.forEach((engine, i) => {
    const x = 8 + (i % 5) * 235;
    const y = 34 + Math.floor(i / 5) * 18;
    out.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${COLORS[engine] ?? '#000'}" stroke-width="3"/>`,
    );
    out.push(`<text x="${x + 28}" y="${y}">${escape(engine)}</text>`);
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
      const color = COLORS[engine] ?? '#000';
      const path = line
        .map((p, i) => `${i ? 'L' : 'M'}${sx(p.n).toFixed(1)},${sy(p.nsPerElement).toFixed(1)}`)
        .join(' ');
      out.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
      for (const p of line) {
        out.push(
          `<circle cx="${sx(p.n).toFixed(1)}" cy="${sy(p.nsPerElement).toFixed(1)}" r="2.5" fill="${color}"><title>${escape(engine)}: ${p.nsPerElement.toPrecision(3)} ns at N=${p.n}</title></circle>`,
        );
      }
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
