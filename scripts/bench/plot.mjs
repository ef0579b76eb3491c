// A small SVG line-plot writer (no dependency): how cost grows with page size and with mention count.

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

/**
 * One panel, as an SVG <g> at (x, y) of size w × h.
 * @param {{ title: string, xLabel: string, yLabel: string, xTicks: Array<{ at: number, label: string }>, yLog?: boolean,
 *   series: Array<{ name: string, color: string, dash?: string, points: Array<[number, number|null]> }> }} spec
 *   x values are positions (the caller maps sizes or counts to them), y values in ms.
 */
export function panel(spec, { x = 0, y = 0, w = 520, h = 360 } = {}) {
  const m = { l: 64, r: 16, t: 36, b: 96 };
  const pw = w - m.l - m.r;
  const ph = h - m.t - m.b;
  const ys = spec.series.flatMap((s) => s.points.map(([, v]) => v)).filter((v) => v !== null && Number.isFinite(v));
  const floorY = 0.05;
  const lo = Math.max(floorY, Math.min(...ys.map((v) => Math.max(v, floorY)), 1));
  const hi = Math.max(...ys, lo * 10);
  const yLo = 10 ** Math.floor(Math.log10(lo));
  const yHi = 10 ** Math.ceil(Math.log10(hi));
  const xs = spec.xTicks.map((t) => t.at);
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs);
  const px = (v) => m.l + (xHi === xLo ? pw / 2 : ((v - xLo) / (xHi - xLo)) * pw);
  const py = (v) => m.t + ph - ((Math.log10(Math.max(v, floorY)) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * ph;
  const out = [`<g transform="translate(${x},${y})">`];
  out.push(`<text x="${w / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(spec.title)}</text>`);
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (let d = yLo; d <= yHi * 1.0001; d *= 10) {
    const yy = py(d);
    out.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 6}" y="${yy + 4}" text-anchor="end" font-size="11">${fmt(d)}</text>`);
  }
  for (const t of spec.xTicks) {
    const xx = px(t.at);
    out.push(`<line x1="${xx}" x2="${xx}" y1="${m.t}" y2="${m.t + ph}" stroke="#eee"/>`);
    out.push(`<text x="${xx}" y="${m.t + ph + 16}" text-anchor="middle" font-size="11">${esc(t.label)}</text>`);
  }
  out.push(`<text x="${m.l + pw / 2}" y="${m.t + ph + 34}" text-anchor="middle" font-size="12">${esc(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(16,${m.t + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(spec.yLabel)}</text>`);
  spec.series.forEach((s, i) => {
    const pts = s.points.filter(([, v]) => v !== null && Number.isFinite(v));
    if (pts.length) {
      const d = pts.map(([a, v], j) => `${j ? 'L' : 'M'}${px(a).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
      for (const [a, v] of pts) out.push(`<circle cx="${px(a).toFixed(1)}" cy="${py(v).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name}: ${fmt(v)} ms`)}</title></circle>`);
    }
    // Legend under the axis label, two columns.
    const lx = m.l + (i % 2) * (pw / 2);
    const ly = m.t + ph + 52 + Math.floor(i / 2) * 15;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    out.push(`<text x="${lx + 28}" y="${ly}" font-size="11">${esc(s.name)}</text>`);
  });
  out.push('</g>');
  return out.join('\n');
}

export const COLORS = { floor: '#6b7280', ours: '#5b3a8c', peer: '#d97706', baseline: '#111827' };

/**
 * The bench's figure: cost against page size (every configuration, no mention and many), and ours against the number
 * of mention sentences at each size.
 * @param {Array<{ size: string, mentions: string, dynamic: boolean, mentionSentences: number, summary: object }>} pages
 * @param {string[]} sizeOrder labels smallest first
 */
export function benchSvg(pages, sizeOrder, { note = '' } = {}) {
  const sizes = sizeOrder.filter((s) => pages.some((p) => p.size === s));
  const stat = (size, mentions, config, dynamic = false) =>
    pages.find((p) => p.size === size && p.mentions === mentions && p.dynamic === dynamic)?.summary?.[config]?.costMs ?? null;
  const bySize = [];
  for (const config of ['floor', 'ours', 'peer']) {
    for (const [mentions, dash] of [['none', ''], ['many', '6 4']]) {
      bySize.push({ name: `${config}, ${mentions === 'none' ? 'no mention' : 'many mentions'}`, color: COLORS[config], dash, points: sizes.map((s, i) => [i, stat(s, mentions, config)]) });
    }
  }
  const palette = ['#2563eb', '#059669', '#dc2626', '#7c3aed'];
  const byMentions = sizes.map((s, i) => ({
    name: `ours, ${s}`,
    color: palette[i % palette.length],
    points: ['none', 'few', 'many'].map((m, j) => [j, stat(s, m, 'ours')]),
  }));
  // The same for the floor, dashed, to show what "flat" looks like.
  sizes.forEach((s, i) => byMentions.push({ name: `floor, ${s}`, color: palette[i % palette.length], dash: '3 3', points: ['none', 'few', 'many'].map((m, j) => [j, stat(s, m, 'floor')]) }));
  const w = 1100;
  const h = 460;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    panel({ title: 'Main-thread cost by page size', xLabel: 'text on the page', yLabel: 'ms (median, log scale)', xTicks: sizes.map((s, i) => ({ at: i, label: s })), series: bySize }, { x: 0, y: 0, w: 550, h: h - 20 }),
    panel({ title: 'Ours by number of mentions', xLabel: 'mention sentences (none · 3 · one per 5 KB, min. 20)', yLabel: 'ms (median, log scale)', xTicks: [{ at: 0, label: 'none' }, { at: 1, label: 'few (3)' }, { at: 2, label: 'many' }], series: byMentions }, { x: 550, y: 0, w: 550, h: h - 20 }),
    note ? `<text x="10" y="${h - 6}" font-size="10" fill="#555">${esc(note)}</text>` : '',
    '</svg>',
  ];
  return parts.join('\n');
}
