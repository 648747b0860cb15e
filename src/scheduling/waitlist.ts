import { DateTime } from 'luxon';
import { errorIssue } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { addDays, daysBetween, localDate, type IanaZone } from '../core/time.js';
import type { Appointment } from './appointment.js';
import { book, type Booked } from './book.js';
import { providerMaySee } from './clinic.js';
import { findSlots, MAX_SEARCH_DAYS } from './findSlots.js';
import { checkFreedTime, type FreedTime } from './freedTime.js';
import type { ProviderId } from './ids.js';
import { patientClash } from './patientClash.js';
import { releaseTime } from './releaseTime.js';
import { reschedule } from './reschedule.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import type { Slot } from './slotQuery.js';
import { epochMinuteOfIso, isoWeekday, localDateAt, localDayMinute } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';
import { minutesOfWallTime } from './wallTime.js';
import type { WaitlistEntry, WaitlistWindow } from './waitlistEntry.js';

export type { FreedTime } from './freedTime.js';

/** A waitlisted patient to whom the freed time can be offered, with the slot that fits them. */
export interface WaitlistOffer {
  readonly entry: WaitlistEntry;
  readonly slot: Slot;
}

/**
 * Ranks whom to offer freed time: every waitlist entry whose type fits inside it with that provider
 * (buffers, resources and all), who accepts that provider, whose earliest date has come, one of
 * whose windows (in the patient's zone) holds the slot, and whose patient has no other time-holding
 * appointment overlapping the slot. Each offer is the earliest such slot, searched over every
 * clinic-local date the freed time touches (its first `MAX_SEARCH_DAYS` dates). An entry that
 * `replaces` an appointment is offered only a slot starting before that appointment, which must
 * still be a pending or booked appointment of the entry's patient and type (otherwise the entry is
 * passed over); that appointment's own time does not count against the slot. Ordered by priority
 * (highest first), then by who waited longest (`addedAt`), then by id: deterministic. Freed time
 * that is not a known provider's stretch between two instants, ending after it starts, has nobody
 * to offer it to, and neither has an invalid `now` (`fillFromWaitlist` says why: `slots.query` at `now`).
 *
 * @param schedule - the clinic, with the freed time already free
 * @param freed - the time that came free: a provider id and two instants with offsets
 * @param now - the moment of asking (for minimum notice)
 * @example
 * ```ts
 * const offers = rankWaitlist(schedule, { providerId: 'dr-lee', start: a.start, end: a.end }, now);
 * offers[0]?.entry.patientId;
 * ```
 */
export function rankWaitlist(schedule: Schedule, freed: FreedTime, now: DateTime): readonly WaitlistOffer[] {
  const checked = checkFreedTime(schedule, freed);
  return checked.ok ? rank(schedule, checked.value, now) : [];
}

/**
 * Books the freed time for the first-ranked waitlisted patient and takes them off the waitlist. When
 * that entry `replaces` an appointment, the appointment is moved there instead (atomically, keeping
 * its id, as `reschedule` does), so the patient never holds two visits.
 *
 * @returns the new schedule and the booked (or moved) appointment; `booking.request` (paths into `freed`) or
 *   `booking.unknown_provider` when the freed time is not a known provider's stretch between two
 *   instants; `waitlist.no_candidate` when nobody fits
 * @example
 * ```ts
 * const filled = fillFromWaitlist(schedule, freed, now);
 * if (filled.ok) schedule = filled.value.schedule;
 * ```
 */
export function fillFromWaitlist(schedule: Schedule, freed: FreedTime, now: DateTime): Checked<Booked & { readonly entry: WaitlistEntry }, SchedulingIssue> {
  const checked = checkFreedTime(schedule, freed);
  if (!checked.ok) return checked;
  if (!isRealInstant(now)) return fail([errorIssue('slots.query', ['now'], 'now is not a real instant')]);
  const [best] = rank(schedule, checked.value, now);
  if (best === undefined) return fail([errorIssue('waitlist.no_candidate', ['waitlist'], 'nobody on the waitlist fits that time')]);
  const booked =
    best.entry.replaces !== undefined
      ? reschedule(schedule, best.entry.replaces, { start: best.slot.start, providerId: best.slot.providerId, resourceIds: [...best.slot.resourceIds] })
      : book(schedule, {
          patientId: best.entry.patientId,
          providerId: best.slot.providerId,
          typeId: best.slot.typeId,
          start: best.slot.start,
          resourceIds: [...best.slot.resourceIds],
          ...(best.entry.patientZone !== undefined ? { patientZone: best.entry.patientZone } : {}),
        });
  if (!booked.ok) return booked;
  const waitlist = booked.value.schedule.waitlist.filter((e) => e.id !== best.entry.id);
  return ok({ schedule: { ...booked.value.schedule, waitlist }, appointment: booked.value.appointment, entry: best.entry });
}

/** Whether `now` is a valid luxon DateTime (a caller's invalid one would otherwise read as "nobody fits"). */
function isRealInstant(now: unknown): now is DateTime {
  return DateTime.isDateTime(now) && now.isValid;
}

function rank(schedule: Schedule, freed: { readonly providerId: ProviderId; readonly start: string; readonly end: string }, now: DateTime): WaitlistOffer[] {
  const from = Date.parse(freed.start);
  const to = Date.parse(freed.end);
  const first = localDate(DateTime.fromMillis(from), schedule.zone);
  const touched = localDate(DateTime.fromMillis(to - 1), schedule.zone);
  const last = daysBetween(first, touched) < MAX_SEARCH_DAYS ? touched : addDays(first, MAX_SEARCH_DAYS - 1);
  const offers: WaitlistOffer[] = [];
  for (const entry of sortEntries(schedule.waitlist)) {
    const since = entry.earliestDate > first ? entry.earliestDate : first;
    if (since > last) continue;
    if (entry.allowedProviders !== undefined && !entry.allowedProviders.includes(freed.providerId)) continue;
    const type = schedule.appointmentTypes.find((t) => t.id === entry.typeId);
    if (type === undefined || !providerMaySee(type, freed.providerId)) continue;
    const replaced = replacedBy(schedule, entry);
    if (replaced === null) continue;
    const searched = replaced === undefined ? schedule : without(schedule, replaced);
    const found = findSlots(searched, { typeId: entry.typeId, from: since, to: last, providerIds: [freed.providerId], now, ...(entry.patientZone !== undefined ? { patientZone: entry.patientZone } : {}) });
    if (!found.ok) continue;
    const latest = replaced === undefined ? to : Math.min(to, Date.parse(replaced.start) - 1);
    const slot = found.value.find(
      (s) => Date.parse(s.start) >= from && Date.parse(s.start) <= latest && Date.parse(s.end) <= to && inWindows(s, entry, schedule.zone) && patientClash(schedule, entry.patientId, s, replaced?.id) === undefined,
    );
    if (slot !== undefined) offers.push({ entry, slot });
  }
  return offers;
}

/**
 * The appointment an entry would move: `undefined` when it replaces none, `null` when the one it
 * names is no longer a pending or booked appointment of the entry's patient and type.
 */
function replacedBy(schedule: Schedule, entry: WaitlistEntry): Appointment | null | undefined {
  if (entry.replaces === undefined) return undefined;
  const replaced = schedule.appointments.find((a) => a.id === entry.replaces);
  const movable = replaced !== undefined && replaced.patientId === entry.patientId && replaced.typeId === entry.typeId && (replaced.status === 'booked' || replaced.status === 'pending');
  return movable ? replaced : null;
}

/** The schedule as `reschedule` sees it while moving `appointment`: its time freed, itself left out. */
function without(schedule: Schedule, appointment: Appointment): Schedule {
  const released = releaseTime(schedule, appointment);
  return { ...schedule, ...released, appointments: released.appointments.filter((a) => a.id !== appointment.id) };
}

function sortEntries(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  return [...entries].sort(
    (a, b) => b.priority - a.priority || Date.parse(a.addedAt) - Date.parse(b.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function inWindows(slot: Slot, entry: WaitlistEntry, clinicZone: IanaZone): boolean {
  if (entry.windows === undefined) return true;
  // The entry's zone was checked when the clinic file was read.
  const zone = (entry.patientZone as IanaZone | undefined) ?? clinicZone;
  const start = epochMinuteOfIso(slot.start);
  const end = epochMinuteOfIso(slot.end);
  const timeline = zoneTimeline(zone, start - 1440, end + 1440);
  const date = localDateAt(start, timeline);
  const weekday = isoWeekday(date);
  const pieces = wallClockPieces(start, end, timeline, localDayMinute(date));
  return entry.windows.some((window: WaitlistWindow) => {
    const dayFits = window.weekdays === undefined || window.weekdays.includes(weekday);
    const from = minutesOfWallTime(window.start);
    const to = minutesOfWallTime(window.end);
    return dayFits && pieces.every((piece) => piece.from >= from && piece.to <= to);
  });
}

/**
 * The wall-clock times a slot covers, in minutes after its local date's midnight, one piece per
 * stretch of constant offset: a slot across a clock change covers two pieces of the wall clock
 * (01:45-02:00 and 03:00-03:25 on a spring-forward night), and must lie in a window with both.
 */
function wallClockPieces(start: number, end: number, timeline: ZoneTimeline, midnight: number): { from: number; to: number }[] {
  const pieces: { from: number; to: number }[] = [];
  for (let at = start; at < end; ) {
    const change = timeline.nextTransitionAfter(at);
    const next = change !== undefined && change > at && change < end ? change : end;
    const offset = timeline.offsetAt(at);
    pieces.push({ from: at + offset - midnight, to: next + offset - midnight });
    at = next;
  }
  return pieces;
}
