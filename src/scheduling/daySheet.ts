import { errorIssue } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { isIsoDate } from '../core/time.js';
import type { AppointmentStatus } from './appointment.js';
import { providerDayWindows } from './dayAvailability.js';
import type { AppointmentId, PatientId, ResourceId } from './ids.js';
import { totalMinutes } from './intervals.js';
import { providerDayMetrics } from './metrics.js';
import type { Schedule } from './schedule.js';
import { localDateAt, localDayMinute, localMinuteOfDay } from './time/epochMinutes.js';
import { zoneTimeline } from './time/zoneTimeline.js';
import { wallTimeOfMinutes } from './wallTime.js';

/** One line of a day sheet. */
export interface DaySheetRow {
  readonly start: string;
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
  readonly open: readonly { readonly start: string; readonly end: string }[];
  readonly rows: readonly DaySheetRow[];
  readonly bookedMinutes: number;
  readonly freeMinutes: number;
}

/**
 * The day sheet of one provider on one clinic-local date: hours open, and every appointment that
 * starts that day (any status but entered-in-error), by start time, with local `HH:MM` times.
 *
 * @param schedule - the clinic
 * @param providerId - whose day
 * @param date - `YYYY-MM-DD`
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
  if (!isIsoDate(date)) return fail([errorIssue('daysheet.invalid_date', ['date'], `${date} is not a calendar date`)]);
  const timeline = zoneTimeline(schedule.zone, localDayMinute(date) - 1440, localDayMinute(date) + 2880);
  const clock = (minute: number): string => wallTimeOfMinutes(localMinuteOfDay(minute, timeline));
  const rows = schedule.appointments
    .filter((a) => a.providerId === providerId && a.status !== 'entered-in-error' && localDateAt(Date.parse(a.start) / 60_000, timeline) === date)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1))
    .map((a) => row(schedule, a, clock));
  const windows = providerDayWindows(schedule, providerId, date, timeline);
  const [metrics] = providerDayMetrics(schedule, { from: date, to: date, providerIds: [provider.id] });
  return ok({
    providerId,
    providerName: provider.name,
    date,
    zone: schedule.zone,
    open: windows.map((w) => ({ start: clock(w.start), end: clock(w.end) })),
    rows,
    bookedMinutes: metrics?.bookedMinutes ?? 0,
    freeMinutes: metrics?.freeMinutes ?? totalMinutes(windows),
  });
}

function row(schedule: Schedule, a: Schedule['appointments'][number], clock: (minute: number) => string): DaySheetRow {
  return {
    start: clock(Date.parse(a.start) / 60_000),
    end: clock(Date.parse(a.end) / 60_000),
    appointmentId: a.id,
    patientId: a.patientId,
    typeName: schedule.appointmentTypes.find((t) => t.id === a.typeId)?.name ?? a.typeId,
    status: a.status,
    resourceIds: a.resourceIds,
    overbooked: a.overbooks !== undefined,
  };
}

/**
 * Renders a day sheet as plain text, one appointment a line.
 *
 * @example
 * ```ts
 * console.log(formatDaySheet(sheet));
 * ```
 */
export function formatDaySheet(sheet: DaySheet): string {
  const lines = [
    `${sheet.providerName} (${sheet.providerId}), ${sheet.date} ${sheet.zone}`,
    `open ${sheet.open.map((w) => `${w.start}-${w.end}`).join(', ') || 'closed'}; booked ${sheet.bookedMinutes} min, free ${sheet.freeMinutes} min`,
    ...sheet.rows.map(
      (r) =>
        `  ${r.start}-${r.end}  ${r.patientId.padEnd(10)} ${r.typeName.padEnd(18)} ${r.status.padEnd(10)} ${r.resourceIds.join(',')}${r.overbooked ? '  (overbooked)' : ''}`,
    ),
  ];
  return lines.join('\n');
}
