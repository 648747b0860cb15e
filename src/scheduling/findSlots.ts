import { DateTime } from 'luxon';
import { errorIssue, type Issue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { dateOfDayNumber, dayNumber } from '../core/calendarDay.js';
import { checkZone, daysBetween, type IanaZone, type IsoDate } from '../core/time.js';
import { alignedStarts, containsMinute } from './alignedStarts.js';
import { providerMaySee, type AppointmentType } from './clinic.js';
import type { ProviderId, ResourceId } from './ids.js';
import { providerDayStarts, type DayStarts, type StartSearch } from './providerDayStarts.js';
import type { Schedule } from './schedule.js';
import { SlotQuerySchema, type Slot, type SlotQuery } from './slotQuery.js';
import { epochMinuteOf, formatInstant, localDateAt, localDayMinute } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';

/** The longest date range one search may cover. */
export const MAX_SEARCH_DAYS = 400;

/**
 * The last clinic-local date a search covers: each day's end is the next midnight, and the day after
 * 9999-12-31 has no `YYYY-MM-DD` date, so searches, metrics and day sheets stop one day short of it.
 */
export const LAST_SEARCH_DATE = '9999-12-30' as IsoDate;

/**
 * Finds the free slots of an appointment type over a range of clinic-local dates, for one provider,
 * several, or everyone who may see the type. A slot honours the providers' weekly rules and extra
 * hours, holidays, time off and blocked times, existing appointments with both types' buffers,
 * resource capacity (one unit of one alternative per requirement), minimum notice and the booking
 * horizon (both from `now`), daily caps, urgent holds, and the slot grid (multiples of the
 * alignment after local midnight). Results are sorted by start, then provider id, and depend only
 * on the arguments, never on the host's time zone. Each is bookable as is with `book`.
 *
 * @param schedule - the clinic
 * @param query - what to look for (see {@link SlotQuerySchema})
 * @returns the slots, or issues with paths into the query
 * @example
 * ```ts
 * const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-06',
 *   now: '2026-11-01T12:00:00-05:00', patientZone: 'America/Los_Angeles' });
 * if (found.ok) console.log(found.value[0]?.start, found.value[0]?.patientStart);
 * ```
 */
export function findSlots(schedule: Schedule, query: SlotQuery): Checked<readonly Slot[]> {
  const days = findSlotsByDay(schedule, query);
  if (!days.ok) return days;
  const limit = query.limit;
  const slots: Slot[] = [];
  for (const day of days.value) {
    slots.push(...day);
    // Every slot starts on its own local date, so a later date cannot offer an earlier slot.
    if (limit !== undefined && slots.length >= limit) break;
  }
  return ok(limit === undefined ? slots : slots.slice(0, limit));
}

/**
 * The same search as {@link findSlots}, one clinic-local date at a time and lazily: the query is
 * checked at once (the same issues), and each date's slots are found only when the iteration
 * reaches it, so a caller that wants the first slot passing its own test can stop there. The dates
 * come in order, each with its slots sorted by start, then provider id; one after another they are
 * exactly `findSlots`' list (`limit` is not applied). The result can be iterated more than once.
 *
 * @param schedule - the clinic
 * @param query - what to look for (see {@link SlotQuerySchema})
 * @returns the dates' slots, searched as they are iterated, or issues with paths into the query
 * @example
 * ```ts
 * const days = findSlotsByDay(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2027-11-01',
 *   now: '2026-11-01T12:00:00-05:00' });
 * if (days.ok) for (const slots of days.value) { const late = slots.find((s) => s.start.includes('T16:')); if (late) break; }
 * ```
 */
export function findSlotsByDay(schedule: Schedule, query: SlotQuery): Checked<Iterable<readonly Slot[]>> {
  const parsed = SlotQuerySchema.safeParse(query);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'slots.query'));
  const q = parsed.data;
  const checked = checkQuery(schedule, q);
  if (!checked.ok) return checked;
  const { type, providers } = checked.value;
  const nowMinute = epochMinuteOf(typeof q.now === 'string' ? DateTime.fromISO(q.now, { setZone: true }) : q.now);
  if (!Number.isFinite(nowMinute)) return fail([errorIssue('slots.query', ['now'], 'now is not a real instant')]);
  const timeline = zoneTimeline(schedule.zone, localDayMinute(q.from) - 1440, localDayMinute(q.to) + 2880);
  const patient = q.patientZone === undefined ? undefined : zoneTimeline(q.patientZone as IanaZone, localDayMinute(q.from) - 1440, localDayMinute(q.to) + 2880);
  const search: StartSearch = {
    schedule,
    type,
    timeline,
    now: nowMinute,
    earliest: nowMinute + (q.minimumNoticeMinutes ?? schedule.policy.minimumNoticeMinutes),
    alignment: q.alignmentMinutes ?? schedule.policy.alignmentMinutes,
    urgent: q.urgent === true,
    hold: schedule.policy.urgentHold,
  };
  const days = searchDays(q, localDateAt(nowMinute, timeline), q.horizonDays ?? schedule.policy.horizonDays);
  return ok({ [Symbol.iterator]: () => slotDays(search, providers, days, patient) });
}

function* slotDays(search: StartSearch, providers: readonly ProviderId[], days: { first: number; last: number }, patient: ZoneTimeline | undefined): Generator<readonly Slot[]> {
  for (let day = days.first; day <= days.last; day++) {
    const date = dateOfDayNumber(day);
    const slots: { minute: number; slot: Slot }[] = [];
    for (const providerId of providers) {
      const starts = providerDayStarts(search, providerId, date);
      for (const minute of alignedStarts(starts.starts, search.alignment, search.timeline)) {
        slots.push({ minute, slot: slotAt(minute, providerId, date, search.type, starts, search.timeline, patient) });
      }
    }
    slots.sort((a, b) => a.minute - b.minute || (a.slot.providerId < b.slot.providerId ? -1 : a.slot.providerId > b.slot.providerId ? 1 : 0));
    yield slots.map((entry) => entry.slot);
  }
}

type ParsedQuery = ReturnType<typeof SlotQuerySchema.parse>;

function checkQuery(schedule: Schedule, q: ParsedQuery): Checked<{ type: AppointmentType; providers: ProviderId[] }> {
  const issues: Issue[] = [];
  const type = schedule.appointmentTypes.find((t) => t.id === q.typeId);
  if (type === undefined) issues.push(errorIssue('slots.unknown_type', ['typeId'], `no appointment type ${q.typeId}`));
  if (q.to < q.from) issues.push(errorIssue('slots.date_range', ['to'], `${q.to} is before ${q.from}`));
  else if (daysBetween(q.from, q.to) >= MAX_SEARCH_DAYS) issues.push(errorIssue('slots.range_too_long', ['to'], `search at most ${MAX_SEARCH_DAYS} days at once`));
  if (q.patientZone !== undefined) {
    const zone = checkZone(q.patientZone, ['patientZone']);
    if (!zone.ok) issues.push(...zone.issues);
  }
  const providers = type === undefined ? [] : chooseProviders(schedule, type, q.providerIds, issues);
  return type === undefined || issues.length > 0 ? fail(issues) : ok({ type, providers });
}

function chooseProviders(schedule: Schedule, type: AppointmentType, asked: readonly ProviderId[] | undefined, issues: Issue[]): ProviderId[] {
  if (asked === undefined) return schedule.providers.filter((p) => providerMaySee(type, p.id)).map((p) => p.id);
  asked.forEach((id, index) => {
    if (!schedule.providers.some((p) => p.id === id)) issues.push(errorIssue('slots.unknown_provider', ['providerIds', index], `no provider ${id}`));
    else if (!providerMaySee(type, id)) issues.push(errorIssue('slots.provider_not_allowed', ['providerIds', index], `${id} may not see ${type.id}`));
  });
  return [...new Set(asked)];
}

function slotAt(
  minute: number,
  providerId: ProviderId,
  date: IsoDate,
  type: AppointmentType,
  day: DayStarts,
  timeline: ZoneTimeline,
  patient: ZoneTimeline | undefined,
): Slot {
  const end = minute + type.durationMinutes;
  const resourceIds = day.alternatives.map((options) => (options.find((o) => containsMinute(o.starts, minute))?.id ?? '') as ResourceId);
  const base: Slot = { providerId, typeId: type.id, date, start: formatInstant(minute, timeline), end: formatInstant(end, timeline), resourceIds };
  return patient === undefined ? base : { ...base, patientStart: formatInstant(minute, patient), patientEnd: formatInstant(end, patient) };
}

// Day numbers, not date strings: past 9999 the text '10000-01-01' would sort before '9999-12-31'.
function searchDays(q: ParsedQuery, today: string, horizonDays: number): { first: number; last: number } {
  const from = dayNumber(q.from) as number;
  const todayNumber = dayNumber(today) ?? Number.NaN;
  const last = Math.min(dayNumber(q.to) as number, todayNumber + horizonDays, dayNumber(LAST_SEARCH_DATE) as number);
  return q.urgent === true ? { first: Math.max(from, todayNumber), last: Math.min(last, todayNumber) } : { first: from, last };
}
