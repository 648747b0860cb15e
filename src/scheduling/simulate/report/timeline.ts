import type { Visit } from '../eventEngine.js';
import { escapeXml, label, niceTicks } from './svg.js';

const PALETTE = ['#3b78b5', '#e08a2e', '#4e9a5b', '#8a5fb8', '#c4504f', '#2a9d9a'];

/**
 * An SVG timeline of one replication: a row per provider, a bar per visit coloured by patient
 * class (urgent visits outlined in red), and the planned end of the session as a dashed line.
 *
 * @param visits - the replication's visits
 * @param providers - number of providers
 * @param sessionMinutes - planned session length
 * @param classNames - class names, for colours and the legend
 * @returns an `<svg>` element as text
 * @example
 * ```ts
 * const svg = providerTimeline(traceReplication(compiled, 1, 0), 1, 300, ['visit']);
 * ```
 */
export function providerTimeline(visits: readonly Visit[], providers: number, sessionMinutes: number, classNames: readonly string[]): string {
  const width = 720;
  const left = 90;
  const right = 16;
  const rowHeight = 34;
  const top = 30;
  const height = top + providers * rowHeight + 40;
  const end = Math.max(sessionMinutes, ...visits.map((v) => v.end));
  const x = (minute: number): number => left + ((width - left - right) * minute) / end;
  const colour = (name: string): string => PALETTE[Math.max(0, classNames.indexOf(name)) % PALETTE.length] ?? '#3b78b5';
  const rows = Array.from(
    { length: providers },
    (_, p) => `<text x="${left - 8}" y="${top + p * rowHeight + rowHeight / 2 + 4}" text-anchor="end" font-size="12">provider ${p + 1}</text>`,
  ).join('');
  const bars = visits
    .map((v) => {
      const y = top + v.provider * rowHeight + 4;
      const stroke = v.urgent ? ' stroke="#c0392b" stroke-width="2"' : ' stroke="#fff"';
      return `<rect x="${x(v.start)}" y="${y}" width="${Math.max(1, x(v.end) - x(v.start))}" height="${rowHeight - 8}" fill="${colour(v.className)}"${stroke}><title>${escapeXml(`${v.className}${v.urgent ? ' (urgent)' : ''}: ${label(v.start)}–${label(v.end)} min, waited ${label(v.wait)} min`)}</title></rect>`;
    })
    .join('');
  const axisY = top + providers * rowHeight + 4;
  const ticks = niceTicks(end, 8)
    .filter((t) => t <= end)
    .map((t) => `<text x="${x(t)}" y="${axisY + 14}" text-anchor="middle" font-size="11" fill="#555">${label(t)}</text>`)
    .join('');
  const legend = classNames
    .map((name, i) => `<rect x="${left + i * 120}" y="8" width="12" height="12" fill="${colour(name)}"/><text x="${left + i * 120 + 16}" y="18" font-size="12">${escapeXml(name)}</text>`)
    .join('');
  const planned = `<line x1="${x(sessionMinutes)}" x2="${x(sessionMinutes)}" y1="${top - 4}" y2="${axisY}" stroke="#c0392b" stroke-dasharray="4 3"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="provider timeline">${legend}${rows}${bars}${planned}<line x1="${left}" x2="${width - right}" y1="${axisY}" y2="${axisY}" stroke="#333"/>${ticks}<text x="${(left + width) / 2}" y="${height - 4}" text-anchor="middle" font-size="12">minutes from session start</text></svg>`;
}
