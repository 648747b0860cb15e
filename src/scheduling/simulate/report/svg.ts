/**
 * Escapes text for HTML and SVG.
 *
 * @example
 * ```ts
 * escapeXml('a < b'); // 'a &lt; b'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A number for a chart label: at most one decimal.
 *
 * @example
 * ```ts
 * label(12.345); // '12.3'
 * ```
 */
export function label(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * About `count` round tick values covering [0, max].
 *
 * @example
 * ```ts
 * niceTicks(47, 5); // [0, 10, 20, 30, 40, 50]
 * ```
 */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t < max + step - 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A chart's drawing area inside its frame. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The axes of a chart: a y axis with gridlines at `yTicks` and an x axis, with titles.
 *
 * @example
 * ```ts
 * axes(frame, [0, 10, 20], 20, 'patients', 'minutes');
 * ```
 */
export function axes(frame: Frame, yTicks: readonly number[], yMax: number, yTitle: string, xTitle: string): string {
  const plotHeight = frame.height - frame.top - frame.bottom;
  const y = (v: number): number => frame.top + plotHeight * (1 - v / yMax);
  const grid = yTicks
    .map(
      (t) =>
        `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e3e6ea"/>` +
        `<text x="${frame.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="#555">${label(t)}</text>`,
    )
    .join('');
  return (
    grid +
    `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${frame.height - frame.bottom}" y2="${frame.height - frame.bottom}" stroke="#333"/>` +
    `<text x="${(frame.left + frame.width - frame.right) / 2}" y="${frame.height - 6}" text-anchor="middle" font-size="12">${escapeXml(xTitle)}</text>` +
    `<text x="14" y="${frame.top + plotHeight / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${frame.top + plotHeight / 2})">${escapeXml(yTitle)}</text>`
  );
}
