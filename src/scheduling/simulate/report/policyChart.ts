import { axes, escapeXml, label, niceTicks, type Frame } from './svg.js';

/** One policy's mean KPIs, as the comparison chart shows them. */
export interface PolicyBar {
  readonly name: string;
  readonly waitMean: number;
  readonly idle: number;
  readonly overtime: number;
}

const SERIES = [
  { key: 'waitMean', title: 'mean wait', colour: '#3b78b5' },
  { key: 'idle', title: 'idle', colour: '#9aa5b1' },
  { key: 'overtime', title: 'overtime', colour: '#c4504f' },
] as const;

/**
 * An SVG grouped bar chart comparing policies on mean wait, idle time and overtime (minutes).
 *
 * @param policies - one entry per policy
 * @returns an `<svg>` element as text
 * @example
 * ```ts
 * policyChart([{ name: 'as booked', waitMean: 8.2, idle: 43, overtime: 14 }]);
 * ```
 */
export function policyChart(policies: readonly PolicyBar[]): string {
  const frame: Frame = { width: 720, height: 320, left: 56, right: 16, top: 30, bottom: 60 };
  // A mean wait is NaN when nobody was ever seen: drawn as no bar, labelled '–'.
  const height = (value: number): number => (Number.isFinite(value) ? value : 0);
  const max = Math.max(1, ...policies.flatMap((p) => SERIES.map((s) => height(p[s.key]))));
  const ticks = niceTicks(max, 5);
  const yMax = ticks[ticks.length - 1] ?? max;
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const group = plotWidth / Math.max(1, policies.length);
  const bar = (group * 0.8) / SERIES.length;
  const bars = policies
    .map((p, i) =>
      SERIES.map((s, j) => {
        const h = (plotHeight * height(p[s.key])) / yMax;
        const x = frame.left + i * group + group * 0.1 + j * bar;
        return `<rect x="${x}" y="${frame.top + plotHeight - h}" width="${bar - 1}" height="${h}" fill="${s.colour}"><title>${escapeXml(`${p.name}: ${s.title} ${Number.isFinite(p[s.key]) ? `${label(p[s.key])} min` : '–'}`)}</title></rect>`;
      }).join('') +
      `<text x="${frame.left + i * group + group / 2}" y="${frame.height - frame.bottom + 16}" text-anchor="middle" font-size="11">${escapeXml(p.name)}</text>`,
    )
    .join('');
  const legend = SERIES.map(
    (s, j) => `<rect x="${frame.left + j * 110}" y="8" width="12" height="12" fill="${s.colour}"/><text x="${frame.left + j * 110 + 16}" y="18" font-size="12">${s.title}</text>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" aria-label="policies compared">${legend}${axes(frame, ticks, yMax, 'minutes', 'policy')}${bars}</svg>`;
}
