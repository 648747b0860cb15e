import type { IanaZone } from '../../core/time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: IanaZone): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The UTC offset in minutes of a zone at an instant (epoch minutes), read from the platform's time
 * zone database (the same one luxon reads). The formatter for each zone is built once and reused;
 * it holds no state that could change an answer.
 *
 * @param zone - an IANA zone already checked with `checkZone`
 * @param epochMinute - the instant
 * @example
 * ```ts
 * zoneOffsetAt('America/New_York' as IanaZone, 29_600_000); // -300 or -240
 * ```
 */
export function zoneOffsetAt(zone: IanaZone, epochMinute: number): number {
  const formatter = formatterFor(zone);
  const text = formatter.format(epochMinute * 60_000);
  // "MM/DD/YYYY, HH:MM" for four-digit years; other years (not zero-padded) are read part by part.
  if (text.length !== 17) return offsetFromParts(formatter, epochMinute);
  const local = Date.UTC(Number(text.slice(6, 10)), Number(text.slice(0, 2)) - 1, Number(text.slice(3, 5)), Number(text.slice(12, 14)), Number(text.slice(15, 17))) / 60_000;
  return local - epochMinute;
}

const eraFormatters = new Map<string, Intl.DateTimeFormat>();

// The same fields with the era, so that 1 BC (year 0) is told from AD 1; used only off the fast path.
function eraFormatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = eraFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    eraFormatters.set(zone, formatter);
  }
  return formatter;
}

function offsetFromParts(plain: Intl.DateTimeFormat, epochMinute: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes, parts: Intl.DateTimeFormatPart[]): number => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const formatter = eraFormatterFor(plain.resolvedOptions().timeZone);
  const parts = formatter.formatToParts(epochMinute * 60_000);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = part('year', parts);
  const local = new Date(0);
  // setUTCFullYear keeps years below 100 as they are (Date.UTC would read 26 as 1926).
  local.setUTCFullYear(era === 'BC' || era === 'B' ? 1 - year : year, part('month', parts) - 1, part('day', parts));
  local.setUTCHours(part('hour', parts), part('minute', parts), 0, 0);
  return Math.round(local.getTime() / 60_000) - epochMinute;
}
