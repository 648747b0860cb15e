/**
 * A whole number given on the command line, written plainly (digits only: no sign, exponent, base
 * prefix, leading zero or spaces), when it lies from `min` to `max`; otherwise undefined, for the
 * command to name the option in its usage message.
 *
 * @param text - the option's text
 * @param min - the least value allowed
 * @param max - the greatest value allowed (at most `Number.MAX_SAFE_INTEGER`)
 * @returns the number, or undefined
 * @example
 * ```ts
 * wholeNumberOption('250', 1, 1000); // 250
 * wholeNumberOption('1e3', 1, 1000); // undefined
 * ```
 */
export function wholeNumberOption(text: string, min: number, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}
