import { DateTime } from 'luxon';
import { errorIssue } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { addDays, daysBetween, localDate, type IanaZone } from '../core/time.js';
import type { Appointment } from './appointment.js';
import { book, type Booked } from './book.js';
import { providerMaySee } from './clinic.js';
import { findSlotsByDay, MAX_SEARCH_DAYS } from './findSlots.js';
import { checkFreedTime, type FreedTime } from './freedTime.js';
import type { ProviderId } from './ids.js';
import { patientBusy } from './patientBusy.js';
import { reschedule, whileMoving } from './reschedule.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import type { Slot, SlotQuery } from './slotQuery.js';
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
  return checked.ok ? [...offers(schedule, checked.value, now)] : [];
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
  const next = offers(schedule, checked.value, now).next();
  if (next.done === true) return fail([errorIssue('waitlist.no_candidate', ['waitlist'], 'nobody on the waitlist fits that time')]);
  const best = next.value;
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

/**
 * The offers in ranked order, found lazily: each entry's search walks the dates one at a time and
 * stops at its first fitting slot, and entries that search the same schedule for the same type in
 * the same zone share each date's slots, so a caller that wants only the first offer stops early.
 */
function* offers(schedule: Schedule, freed: { readonly providerId: ProviderId; readonly start: string; readonly end: string }, now: DateTime): Generator<WaitlistOffer, void, undefined> {
  const from = Date.parse(freed.start);
  const to = Date.parse(freed.end);
  const first = localDate(DateTime.fromMillis(from), schedule.zone);
  const touched = localDate(DateTime.fromMillis(to - 1), schedule.zone);
  const last = daysBetween(first, touched) < MAX_SEARCH_DAYS ? touched : addDays(first, MAX_SEARCH_DAYS - 1);
  const shared = new Map<string, SlotDays | undefined>();
  const clocks = new Map<string, WallClock>();
  for (const entry of sortEntries(schedule.waitlist)) {
    const since = entry.earliestDate > first ? entry.earliestDate : first;
    if (since > last) continue;
    if (entry.allowedProviders !== undefined && !entry.allowedProviders.includes(freed.providerId)) continue;
    const type = schedule.appointmentTypes.find((t) => t.id === entry.typeId);
    if (type === undefined || !providerMaySee(type, freed.providerId)) continue;
    const replaced = replacedBy(schedule, entry);
    if (replaced === null) continue;
    const query = { typeId: entry.typeId, to: last, providerIds: [freed.providerId], now, ...(entry.patientZone !== undefined ? { patientZone: entry.patientZone } : {}) };
    const days = replaced === undefined ? sharedDays(shared, schedule, { ...query, from: first }) : slotDays(whileMoving(schedule, replaced), { ...query, from: since });
    if (days === undefined) continue;
    const latest = replaced === undefined ? to : Math.min(to, Date.parse(replaced.start) - 1);
    // The entry's zone was checked when the clinic file was read.
    const clock = entry.windows === undefined ? undefined : wallClock(clocks, (entry.patientZone as IanaZone | undefined) ?? schedule.zone, from, to);
    const windows = entry.windows?.map(windowMinutes);
    const busy = patientBusy(schedule, entry.patientId, replaced?.id);
    const fits = (s: TimedSlot): boolean => s.end <= to && (clock === undefined || windows === undefined || inWindows(clock.facts(s), windows)) && !busy(s.start, s.end);
    const slot = firstSlot(days, since, from, latest, fits);
    if (slot !== undefined) yield { entry, slot };
  }
}

/** A slot with its start and end as epoch milliseconds. */
interface TimedSlot {
  readonly slot: Slot;
  readonly start: number;
  readonly end: number;
}

/** A search's dates, each date's slots found once, when a search first reaches it. */
interface SlotDays {
  readonly found: (readonly TimedSlot[])[];
  readonly next: Iterator<readonly Slot[]>;
}

function slotDays(schedule: Schedule, query: SlotQuery): SlotDays | undefined {
  const days = findSlotsByDay(schedule, query);
  return days.ok ? { found: [], next: days.value[Symbol.iterator]() } : undefined;
}

function sharedDays(shared: Map<string, SlotDays | undefined>, schedule: Schedule, query: SlotQuery & { readonly patientZone?: string }): SlotDays | undefined {
  const key = JSON.stringify([query.typeId, query.patientZone ?? null]);
  if (!shared.has(key)) shared.set(key, slotDays(schedule, query));
  return shared.get(key);
}

/** The date's slots, finding them now if no search has reached that date yet; `undefined` past the last date. */
function dayOf(days: SlotDays, index: number): readonly TimedSlot[] | undefined {
  while (days.found.length <= index) {
    const next = days.next.next();
    if (next.done === true) return undefined;
    days.found.push(next.value.map((slot) => ({ slot, start: Date.parse(slot.start), end: Date.parse(slot.end) })));
  }
  return days.found[index];
}

/**
 * The earliest slot dated `since` or later that starts inside [`from`, `latest`] and `fits`. Slots
 * come in order of start, so the walk ends at the first slot starting after `latest`.
 */
function firstSlot(days: SlotDays, since: string, from: number, latest: number, fits: (slot: TimedSlot) => boolean): Slot | undefined {
  for (let index = 0; ; index++) {
    const slots = dayOf(days, index);
    if (slots === undefined) return undefined;
    for (const timed of slots) {
      if (timed.slot.date < since) break;
      if (timed.start > latest) return undefined;
      if (timed.start >= from && fits(timed)) return timed.slot;
    }
  }
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

function sortEntries(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  return [...entries].sort(
    (a, b) => b.priority - a.priority || Date.parse(a.addedAt) - Date.parse(b.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Where a slot falls on a zone's wall clock: its local weekday and the wall-clock pieces it covers. */
interface WallFacts {
  readonly weekday: number;
  readonly pieces: readonly { readonly from: number; readonly to: number }[];
}

/** A zone's wall clock over the freed time, reading each slot once for every entry in that zone. */
interface WallClock {
  readonly facts: (slot: TimedSlot) => WallFacts;
}

function wallClock(clocks: Map<string, WallClock>, zone: IanaZone, from: number, to: number): WallClock {
  const known = clocks.get(zone);
  if (known !== undefined) return known;
  // Every slot searched starts within MAX_SEARCH_DAYS dates of the freed time's start.
  const first = Math.floor(from / 60_000);
  const timeline = zoneTimeline(zone, first - 1440, Math.min(Math.ceil(to / 60_000), first + (MAX_SEARCH_DAYS + 2) * 1440) + 1440);
  const read = new Map<Slot, WallFacts>();
  const clock: WallClock = {
    facts: (timed) => {
      const seen = read.get(timed.slot);
      if (seen !== undefined) return seen;
      const start = epochMinuteOfIso(timed.slot.start);
      const date = localDateAt(start, timeline);
      const facts = { weekday: isoWeekday(date), pieces: wallClockPieces(start, epochMinuteOfIso(timed.slot.end), timeline, localDayMinute(date)) };
      read.set(timed.slot, facts);
      return facts;
    },
  };
  clocks.set(zone, clock);
  return clock;
}

/** A waitlist window in minutes after local midnight. */
interface WindowMinutes {
  readonly weekdays: readonly number[] | undefined;
  readonly from: number;
  readonly to: number;
}

function windowMinutes(window: WaitlistWindow): WindowMinutes {
  return { weekdays: window.weekdays, from: minutesOfWallTime(window.start), to: minutesOfWallTime(window.end) };
}

/** Whether one of the windows holds every wall-clock piece of the slot, on its weekday. */
function inWindows(facts: WallFacts, windows: readonly WindowMinutes[]): boolean {
  return windows.some((window) => (window.weekdays === undefined || window.weekdays.includes(facts.weekday)) && facts.pieces.every((piece) => piece.from >= window.from && piece.to <= window.to));
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
