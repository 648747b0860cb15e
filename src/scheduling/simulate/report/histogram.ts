import { axes, escapeXml, label, niceTicks, type Frame } from './svg.js';

/**
 * An SVG histogram of waiting times (minutes), with the share of patients in each bin.
 *
 * @param waits - every patient's wait
 * @param binMinutes - bin width
 * @returns an `<svg>` element as text
 * @example
 * ```ts
 * const svg = waitHistogram([0, 0, 3, 12, 25], 5);
 * ```
 */
export function waitHistogram(waits: readonly number[], binMinutes = 5): string {
  const frame: Frame = { width: 720, height: 300, left: 56, right: 16, top: 16, bottom: 44 };
  const maxWait = waits.reduce((m, w) => Math.max(m, w), 0);
  const bins = new Array<number>(Math.max(1, Math.ceil((maxWait + 1e-9) / binMinutes))).fill(0);
  for (const w of waits) {
    const b = Math.min(bins.length - 1, Math.floor(w / binMinutes));
    bins[b] = (bins[b] ?? 0) + 1;
  }
  const shares = bins.map((c) => (waits.length > 0 ? (100 * c) / waits.length : 0));
  const ticks = niceTicks(Math.max(...shares, 1), 5);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const barWidth = plotWidth / bins.length;
  const bars = shares
    .map((share, i) => {
      const h = (plotHeight * share) / yMax;
      const x = frame.left + i * barWidth;
      return `<rect x="${x + 1}" y="${frame.top + plotHeight - h}" width="${Math.max(1, barWidth - 2)}" height="${h}" fill="#3b78b5"><title>${escapeXml(`${label(i * binMinutes)}–${label((i + 1) * binMinutes)} min: ${label(share)}%`)}</title></rect>`;
    })
    .join('');
  const every = Math.max(1, Math.ceil(bins.length / 12));
  const xLabels = bins
    .map((_, i) =>
      i % every === 0
        ? `<text x="${frame.left + i * barWidth}" y="${frame.height - frame.bottom + 14}" text-anchor="middle" font-size="11" fill="#555">${label(i * binMinutes)}</text>`
        : '',
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" aria-label="waiting-time distribution">${axes(frame, ticks, yMax, '% of patients', 'wait (minutes)')}${bars}${xLabels}</svg>`;
}
