import { errorIssue } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { daysBetween, isIsoDate } from '../core/time.js';
import type { AppointmentStatus } from './appointment.js';
import { dayBounds, providerDayWindows } from './dayAvailability.js';
import { LAST_SEARCH_DATE } from './findSlots.js';
import type { AppointmentId, PatientId, ResourceId } from './ids.js';
import { totalMinutes } from './intervals.js';
import { providerDayMetrics } from './metrics.js';
import type { Schedule } from './schedule.js';
import { epochMinuteOfIso, localDateAt, localDayMinute, localMinuteOfDay } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';
import { wallTimeOfMinutes } from './wallTime.js';

/** One line of a day sheet. */
export interface DaySheetRow {
  /**
   * Local `HH:MM`, with the UTC offset (`01:30-04:00`) on a day whose offset changes; an instant
   * off the whole minute (from an import) keeps its seconds, `09:00:30` or `10:00:00.250`.
   */
  readonly start: string;
  /** As `start`; `24:00` when the appointment ends at the next midnight. */
  readonly end: string;
  readonly appointmentId: AppointmentId;
  readonly patientId: PatientId;
  readonly typeName: string;
  readonly status: AppointmentStatus;
  readonly resourceIds: readonly ResourceId[];
  readonly overbooked: boolean;
}

/** A provider's day: opening hours, every appointment in order, and the day's minutes. */
export interface DaySheet {
  readonly providerId: string;
  readonly providerName: string;
  readonly date: string;
  readonly zone: string;
  /** True when the zone's UTC offset changes during the day: every time then carries its offset. */
  readonly offsetChanges: boolean;
  /** Opening hours in local `HH:MM`, `24:00` for an end at the next midnight. */
  readonly open: readonly { readonly start: string; readonly end: string }[];
  readonly rows: readonly DaySheetRow[];
  readonly bookedMinutes: number;
  readonly freeMinutes: number;
}

/**
 * The day sheet of one provider on one clinic-local date: hours open, and every appointment that
 * starts that day (any status but entered-in-error), by start time, with local `HH:MM` times
 * (`HH:MM:SS`, or `HH:MM:SS.sss`, for an instant that is not on a whole minute); an end at the next
 * midnight is `24:00`. On a day whose UTC offset changes (a daylight-saving change)
 * each time also carries its offset, so the two 01:30s of a fall-back night read `01:30-04:00` and
 * `01:30-05:00`.
 *
 * @param schedule - the clinic
 * @param providerId - whose day
 * @param date - `YYYY-MM-DD`, at most `LAST_SEARCH_DATE`
 * @returns the sheet, or `daysheet.unknown_provider` / `daysheet.invalid_date`
 * @example
 * ```ts
 * const sheet = daySheet(schedule, 'dr-lee', '2026-11-02');
 * if (sheet.ok) console.log(formatDaySheet(sheet.value));
 * ```
 */
export function daySheet(schedule: Schedule, providerId: string, date: string): Checked<DaySheet> {
  const provider = schedule.providers.find((p) => p.id === providerId);
  if (provider === undefined) return fail([errorIssue('daysheet.unknown_provider', ['providerId'], `no provider ${providerId}`)]);
  if (typeof date !== 'string' || !isIsoDate(date)) return fail([errorIssue('daysheet.invalid_date', ['date'], `${String(date)} is not a calendar date`)]);
  if (daysBetween(date, LAST_SEARCH_DATE) < 0) return fail([errorIssue('daysheet.invalid_date', ['date'], `dates after ${LAST_SEARCH_DATE} are not served`)]);
  const timeline = zoneTimeline(schedule.zone, localDayMinute(date) - 1440, localDayMinute(date) + 2880);
  const day = dayBounds(date, timeline);
  const offsetChanges = timeline.offsetAt(day.start) !== timeline.offsetAt(day.end - 1);
  const clock = clockOf(day.end, timeline, offsetChanges);
  const rows = schedule.appointments
    .filter((a) => a.providerId === providerId && a.status !== 'entered-in-error' && localDateAt(epochMinuteOfIso(a.start), timeline) === date)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1))
    .map((a) => row(schedule, a, clock));
  const windows = providerDayWindows(schedule, providerId, date, timeline);
  const [metrics] = providerDayMetrics(schedule, { from: date, to: date, providerIds: [provider.id] });
  return ok({
    providerId,
    providerName: provider.name,
    date,
    zone: schedule.zone,
    offsetChanges,
    open: windows.map((w) => ({ start: clock(w.start * 60_000), end: clock(w.end * 60_000) })),
    rows,
    bookedMinutes: metrics?.bookedMinutes ?? 0,
    freeMinutes: metrics?.freeMinutes ?? totalMinutes(windows),
  });
}

// Local time of an instant (epoch milliseconds) of the day: HH:MM on a whole minute, else with its
// seconds (and milliseconds, if any); the day's end is 24:00, read in the offset the day ends in.
// The wall clock is the timeline's, as everywhere in the module, so the times agree with `open`.
function clockOf(dayEnd: number, timeline: ZoneTimeline, withOffset: boolean): (millis: number) => string {
  return (millis) => {
    const atEnd = millis === dayEnd * 60_000;
    const minute = Math.floor(millis / 60_000);
    const text = atEnd ? '24:00' : `${wallTimeOfMinutes(localMinuteOfDay(minute, timeline))}${secondsText(millis - minute * 60_000)}`;
    return withOffset ? `${text}${offsetText(timeline.offsetAt(atEnd ? minute - 1 : minute))}` : text;
  };
}

// The part of a minute past it, `:SS` or `:SS.sss`, or nothing on the minute itself.
function secondsText(millis: number): string {
  if (millis === 0) return '';
  const seconds = `:${String(Math.floor(millis / 1000)).padStart(2, '0')}`;
  return millis % 1000 === 0 ? seconds : `${seconds}.${String(millis % 1000).padStart(3, '0')}`;
}

function offsetText(offset: number): string {
  const size = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
}

function row(schedule: Schedule, a: Schedule['appointments'][number], clock: (millis: number) => string): DaySheetRow {
  return {
    start: clock(Date.parse(a.start)),
    end: clock(Date.parse(a.end)),
    appointmentId: a.id,
    patientId: a.patientId,
    typeName: schedule.appointmentTypes.find((t) => t.id === a.typeId)?.name ?? a.typeId,
    status: a.status,
    resourceIds: a.resourceIds,
    overbooked: a.overbooks !== undefined,
  };
}

/**
 * Renders a day sheet as plain text, one appointment a line: the time spans padded to the longest on
 * the sheet (one with seconds included), then patient, type, status and rooms in columns of fixed width (a longer value pushes the rest of its line along). On a day whose UTC offset changes the
 * header says so and times carry their offset (`01:30-04:00 to 02:00-04:00`).
 *
 * @example
 * ```ts
 * console.log(formatDaySheet(sheet));
 * ```
 */
export function formatDaySheet(sheet: DaySheet): string {
  const span = (start: string, end: string): string => (sheet.offsetChanges ? `${start} to ${end}` : `${start}-${end}`);
  // A time with seconds is longer than one without: every row's span takes the longest one's width, so the columns line up.
  const spans = sheet.rows.map((r) => span(r.start, r.end));
  const width = spans.reduce((widest, text) => Math.max(widest, text.length), 0);
  const lines = [
    `${sheet.providerName} (${sheet.providerId}), ${sheet.date} ${sheet.zone}${sheet.offsetChanges ? ' (the UTC offset changes this day)' : ''}`,
    `open ${sheet.open.map((w) => span(w.start, w.end)).join(', ') || 'closed'}; booked ${sheet.bookedMinutes} min, free ${sheet.freeMinutes} min`,
    ...sheet.rows.map(
      (r, index) =>
        `  ${(spans[index] ?? '').padEnd(width)}  ${r.patientId.padEnd(10)} ${r.typeName.padEnd(18)} ${r.status.padEnd(10)} ${r.resourceIds.join(',')}${r.overbooked ? '  (overbooked)' : ''}`,
    ),
  ];
  return lines.join('\n');
}
