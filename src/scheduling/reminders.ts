import { DateTime } from 'luxon';
import { z } from 'zod';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { checkZone, type IanaZone } from '../core/time.js';
import { AppointmentSchema, type Appointment } from './appointment.js';
import { NowSchema } from './slotQuery.js';
import { minutesOfWallTime, WallTimeSchema } from './wallTime.js';

// A reminder is planned at most 366 days ahead of its appointment, and so is a moved reminder's lead.
const MAX_LEAD_MINUTES = 366 * 1440;

// What a reminder needs of its appointment: when it starts, where the patient is, and whether it is
// still ahead (an appointment without a status counts as booked).
const RemindedAppointmentSchema = AppointmentSchema.pick({ start: true, patientZone: true, status: true }).partial({ status: true });

/**
 * Schema of a reminder at a wall-clock time on a day before the appointment, in the patient's zone:
 * `{ daysBefore: 1, at: '18:00' }` is the evening before, whatever the visit's hour (`daysBefore` 0
 * is the visit's own day, at most 366).
 *
 * @example
 * ```ts
 * CalendarReminderSchema.parse({ daysBefore: 1, at: '18:00' });
 * ```
 */
export const CalendarReminderSchema = z.object({
  daysBefore: z.number().int().nonnegative().max(366),
  at: WallTimeSchema,
});
/**
 * A reminder at a wall-clock time on a day before the appointment.
 *
 * @example
 * ```ts
 * const eveningBefore: CalendarReminder = { daysBefore: 1, at: '18:00' };
 * ```
 */
export type CalendarReminder = z.infer<typeof CalendarReminderSchema>;

/**
 * Schema of a reminder plan: how long before the appointment each reminder goes (elapsed time,
 * `offsetsMinutes`, at most 366 days) and at what wall-clock time on which day before it
 * (`calendar`); with neither, 72 h, 24 h and 2 h before. Then the patient's quiet hours (wall
 * clock in the patient's zone, default 21:00 to 08:00), and the shortest lead a moved reminder must
 * keep before the appointment (at most 366 days).
 *
 * @example
 * ```ts
 * ReminderPlanSchema.parse({ offsetsMinutes: [120], calendar: [{ daysBefore: 1, at: '18:00' }], quietStart: '21:00', quietEnd: '08:00' });
 * ```
 */
export const ReminderPlanSchema = z.object({
  offsetsMinutes: z.array(z.number().int().positive().max(MAX_LEAD_MINUTES)).min(1).optional(),
  calendar: z.array(CalendarReminderSchema).min(1).optional(),
  quietStart: WallTimeSchema.default('21:00'),
  quietEnd: WallTimeSchema.default('08:00'),
  minimumLeadMinutes: z.number().int().nonnegative().max(MAX_LEAD_MINUTES).default(60),
  now: NowSchema.optional(),
}).transform((plan) => (plan.offsetsMinutes === undefined && plan.calendar === undefined ? { ...plan, offsetsMinutes: [4320, 1440, 120] } : plan));
/** A reminder plan. */
export type ReminderPlan = z.input<typeof ReminderPlanSchema>;

/** One reminder to send. */
export interface Reminder {
  /** How long before the appointment it was planned, in minutes (for a calendar reminder, from its planned time). */
  readonly offsetMinutes: number;
  /** The calendar rule that planned it, for a reminder at a wall-clock time on a day before the appointment. */
  readonly calendar?: CalendarReminder;
  /** When to send it, ISO in the patient's zone. */
  readonly sendAt: string;
  /** True when quiet hours moved it. */
  readonly moved: boolean;
  /**
   * True when it goes at the end of quiet hours with less than `minimumLeadMinutes` before the
   * appointment, because the time just before them had already passed (`now`). A reminder moved to
   * just before quiet hours is never short, whatever its lead.
   */
  readonly shortLead: boolean;
}

/**
 * Plans an appointment's reminders in the patient's zone (the appointment's `patientZone`, else the
 * clinic's). Only a pending or booked appointment is reminded of (one without a `status` counts as
 * booked): any other status (cancelled, noshow, entered-in-error, proposed, waitlist, or a visit
 * already under way or done) gets none.
 * A reminder that would fall in quiet hours moves to the end of them when that still leaves
 * `minimumLeadMinutes` before the appointment, otherwise back to just before they begin; when that
 * moment has already passed (`now`), it goes at the end of the quiet hours after all, with a
 * shorter lead (`shortLead`), if they end before the appointment, and is dropped if they do not
 * (no moment outside quiet hours is left before it). Quiet hours begin and end as the wall clock
 * passes their times; one in a spring-forward gap passes as the clocks jump. Reminders whose send time is already past
 * (`now`) or duplicated by a move are dropped. Sorted by send time.
 *
 * @param appointment - the appointment: its `start` (an instant with offset), `status` (booked when
 *   absent) and `patientZone` are read
 * @param clinicZone - used when the appointment has no patient zone
 * @param plan - elapsed offsets, calendar reminders, quiet hours, the shortest moved lead and `now`
 * @returns the reminders (none for an appointment that is not pending or booked), or
 *   `reminders.appointment` (paths into the appointment), `reminders.plan`
 *   (paths into the plan) or `time.unknown_zone` issues
 * @example
 * ```ts
 * planReminders(appointment, 'America/New_York' as IanaZone, {}); // 72 h, 24 h and 2 h before
 * ```
 */
export function planReminders(appointment: Appointment, clinicZone: IanaZone, plan: ReminderPlan = {}): Checked<readonly Reminder[]> {
  const reminded = RemindedAppointmentSchema.safeParse(appointment);
  if (!reminded.success) return fail(issuesFromZod(reminded.error, 'reminders.appointment'));
  const parsed = ReminderPlanSchema.safeParse(plan);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'reminders.plan'));
  const zoneChecked = checkZone(String(reminded.data.patientZone ?? clinicZone), ['patientZone']);
  if (!zoneChecked.ok) return zoneChecked;
  const status = reminded.data.status ?? 'booked';
  if (status !== 'booked' && status !== 'pending') return ok([]);
  const { offsetsMinutes, calendar, quietStart, quietEnd, minimumLeadMinutes, now } = parsed.data;
  const start = DateTime.fromISO(reminded.data.start, { zone: zoneChecked.value });
  const nowMillis = now === undefined ? undefined : typeof now === 'string' ? Date.parse(now) : now.toMillis();
  const quiet = { start: minutesOfWallTime(quietStart), end: minutesOfWallTime(quietEnd) };
  const seen = new Set<number>();
  const reminders: Reminder[] = [];
  for (const { planned, rule } of plannedTimes(start, offsetsMinutes ?? [], calendar ?? [])) {
    const placed = outOfQuiet(planned, quiet, start, minimumLeadMinutes, nowMillis);
    if (placed === undefined) continue;
    const sendAt = placed.at;
    if ((nowMillis !== undefined && sendAt.toMillis() < nowMillis) || seen.has(sendAt.toMillis())) continue;
    seen.add(sendAt.toMillis());
    const offsetMinutes = Math.round(start.diff(planned, 'minutes').minutes);
    reminders.push({ offsetMinutes, ...(rule === undefined ? {} : { calendar: rule }), sendAt: sendAt.toISO({ suppressMilliseconds: true }) as string, moved: !sendAt.equals(planned), shortLead: placed.shortLead });
  }
  return ok(reminders.sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt)));
}

// Every planned send time, earliest first: the offsets (elapsed minutes before the start) and the
// calendar rules (a wall time on a day before the start's date in the patient's zone; one not before
// the start is left out). A calendar time in a spring-forward gap is the moment the clocks jump past it.
function plannedTimes(start: DateTime, offsets: readonly number[], calendar: readonly CalendarReminder[]): { planned: DateTime; rule?: CalendarReminder }[] {
  const planned: { planned: DateTime; rule?: CalendarReminder }[] = offsets.map((offset) => ({ planned: start.minus({ minutes: offset }) }));
  for (const rule of calendar) {
    const at = wall(start.startOf('day').minus({ days: rule.daysBefore }), minutesOfWallTime(rule.at));
    if (at < start) planned.push({ planned: at, rule });
  }
  return planned.sort((a, b) => a.planned.toMillis() - b.planned.toMillis());
}

function inQuiet(minute: number, quiet: { start: number; end: number }): boolean {
  return quiet.start > quiet.end ? minute >= quiet.start || minute < quiet.end : minute >= quiet.start && minute < quiet.end;
}

// The instant the wall clock passes `minutes` on `day`'s date: that time, or, when it falls in a
// spring-forward gap, the moment the clocks jump past it (the first instant of the new offset).
function wall(day: DateTime, minutes: number): DateTime {
  const at = day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
  const shift = (at.hour * 60 + at.minute - minutes + 1440) % 1440;
  if (shift === 0) return at;
  // Luxon read the time with the old offset, so the jump lies in (at − shift, at]: find its minute.
  let low = at.minus({ minutes: shift });
  let high = at;
  while (high.diff(low, 'minutes').minutes > 1) {
    const mid = low.plus({ minutes: Math.floor(high.diff(low, 'minutes').minutes / 2) });
    if (mid.offset === high.offset) high = mid;
    else low = mid;
  }
  return high;
}

// Where a reminder planned `at` goes: there, outside quiet hours; else to their end if that leaves the
// lead, else to just before they began; if that has passed, to their end if it is still before the
// appointment, short of the lead (`shortLead`). Undefined when no moment outside quiet hours is left before the appointment.
function outOfQuiet(at: DateTime, quiet: { start: number; end: number }, appointment: DateTime, lead: number, now: number | undefined): { at: DateTime; shortLead: boolean } | undefined {
  if (!inQuiet(at.hour * 60 + at.minute, quiet)) return { at, shortLead: false };
  const endToday = wall(at, quiet.end);
  const later = endToday >= at ? endToday : wall(at.plus({ days: 1 }), quiet.end);
  if (later < appointment && later.plus({ minutes: lead }) <= appointment) return { at: later, shortLead: false };
  const startToday = wall(at, quiet.start);
  const beginning = startToday <= at ? startToday : wall(at.minus({ days: 1 }), quiet.start);
  const before = beginning.minus({ minutes: 1 });
  if (now === undefined || before.toMillis() >= now) return { at: before, shortLead: false };
  return later < appointment ? { at: later, shortLead: true } : undefined;
}
