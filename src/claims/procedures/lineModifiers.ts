import type { ClaimLine } from '../claim.js';

/**
 * The most modifiers a line carries on the CMS-1500 (box 24D) and the 837P (SV101-3 to -6).
 *
 * @example
 * ```ts
 * (line.modifiers ?? []).length > MAX_MODIFIERS; // modifier.too_many
 * ```
 */
export const MAX_MODIFIERS = 4;

const ASCII_MODIFIER = /^[0-9A-Za-z]{2}$/;

/**
 * The modifiers of a line as the edits read them: the first {@link MAX_MODIFIERS} only (the rest
 * are refused as `modifier.too_many` and not read), trimmed, and upper-cased when written in ASCII
 * letters and digits. Anything else is kept as written, so it matches no real modifier (`xſ` is not
 * XS).
 *
 * @param line - the claim line
 * @returns at most four modifiers
 * @example
 * ```ts
 * lineModifiers({ ...line, modifiers: [' lt', '59', 'x\u017F', 'TC', 'XU'] }); // ['LT', '59', 'xſ', 'TC']
 * ```
 */
export function lineModifiers(line: ClaimLine): string[] {
  const written = line.modifiers ?? [];
  const read: string[] = [];
  for (let m = 0; m < Math.min(written.length, MAX_MODIFIERS); m++) {
    const modifier = (written[m] ?? '').trim();
    read.push(ASCII_MODIFIER.test(modifier) ? modifier.toUpperCase() : modifier);
  }
  return read;
}
