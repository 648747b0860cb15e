import { compare, measure, report } from './harness.js';
import { createRng } from '../src/core/random.js';
import type { IanaZone } from '../src/core/time.js';
import { addDays } from '../src/core/time.js';
import type { Appointment } from '../src/scheduling/appointment.js';
import { checkBooking } from '../src/scheduling/checkBooking.js';
import type { ClinicFileInput } from '../src/scheduling/clinicFile.js';
import { findSlots } from '../src/scheduling/findSlots.js';
import { parseSchedule } from '../src/scheduling/parseSchedule.js';
import type { Schedule } from '../src/scheduling/schedule.js';
import { formatInstant, isoWeekday, wallInstant } from '../src/scheduling/time/epochMinutes.js';
import { zoneTimeline } from '../src/scheduling/time/zoneTimeline.js';

// A clinic of 50 providers (weekdays 08:00-12:00 and 13:00-17:00, America/New_York), 50 exam rooms,
// a 20-minute follow-up and a 40-minute new-patient visit with a 10-minute buffer after, any exam room.
const ZONE = 'America/New_York' as IanaZone;
const FIRST = '2026-09-01';
const PROVIDERS = 50;

function clinic(appointments: number, days: number, seed: number): Schedule {
  const providers = Array.from({ length: PROVIDERS }, (_, p) => ({ id: `dr-${p}`, name: `Provider ${p}` }));
  const rooms = Array.from({ length: PROVIDERS }, (_, r) => ({ id: `room-${r}`, name: `Room ${r}`, kind: 'room' as const, capacity: 1 }));
  const rules = providers.flatMap((p) =>
    [1, 2, 3, 4, 5].flatMap((weekday) => [
      { id: `${p.id}-am-${weekday}`, providerId: p.id, weekday, start: '08:00', end: '12:00', effectiveFrom: '2026-01-01' },
      { id: `${p.id}-pm-${weekday}`, providerId: p.id, weekday, start: '13:00', end: '17:00', effectiveFrom: '2026-01-01' },
    ]),
  );
  const input: ClinicFileInput = {
    zone: ZONE,
    policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 3650 },
    providers,
    resources: rooms,
    appointmentTypes: [
      { id: 'follow-up', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', requiredResources: [{ anyOf: rooms.map((r) => r.id) }] },
      { id: 'new', name: 'New patient', durationMinutes: 40, visit: 'new', bufferAfterMinutes: 10, requiredResources: [{ anyOf: rooms.map((r) => r.id) }] },
    ],
    rules,
    appointments: generateAppointments(appointments, days, seed),
  };
  const parsed = parseSchedule(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.value;
}

function generateAppointments(count: number, days: number, seed: number): Appointment[] {
  const rng = createRng(seed);
  const weekdays = Array.from({ length: days }, (_, d) => addDays(FIRST, d)).filter((date) => isoWeekday(date) <= 5);
  const timeline = zoneTimeline(ZONE, Date.parse(`${FIRST}T00:00Z`) / 60_000 - 2880, Date.parse(`${FIRST}T00:00Z`) / 60_000 + (days + 2) * 1440);
  const perDay = Math.ceil(count / (weekdays.length * PROVIDERS));
  const grid = Array.from({ length: 16 }, (_, i) => (i < 8 ? 8 * 60 + i * 30 : 13 * 60 + (i - 8) * 30));
  const out: Appointment[] = [];
  for (const date of weekdays) {
    for (let p = 0; p < PROVIDERS && out.length < count; p++) {
      const taken = new Set<number>();
      while (taken.size < Math.min(perDay, grid.length) && out.length < count) {
        const minute = grid[rng.int(grid.length)] as number;
        if (taken.has(minute)) continue;
        taken.add(minute);
        const start = wallInstant(date, minute, timeline);
        out.push({
          id: `a${out.length}`, patientId: `p${rng.int(20_000)}`, providerId: `dr-${p}`, typeId: 'follow-up', status: 'booked',
          start: formatInstant(start, timeline), end: formatInstant(start + 20, timeline), resourceIds: [`room-${p}`],
        } as Appointment);
      }
    }
  }
  return out;
}

/**
 * The baseline: for every grid start of the month, walk the footprint minute by minute, asking at
 * each minute whether a weekly rule covers it, whether one of the provider's appointments does, and
 * whether some exam room is free (appointment times parsed once up front, to be fair to it).
 */
function naiveSlots(schedule: Schedule, providerId: string, typeId: string, from: string, to: string): number {
  const type = schedule.appointmentTypes.find((t) => t.id === typeId);
  if (type === undefined) return 0;
  const timeline = zoneTimeline(schedule.zone, Date.parse(`${from}T00:00Z`) / 60_000 - 1440, Date.parse(`${to}T00:00Z`) / 60_000 + 2880);
  const span = (a: Appointment): [number, number] => {
    const t = schedule.appointmentTypes.find((x) => x.id === a.typeId);
    return [Date.parse(a.start) / 60_000 - (t?.bufferBeforeMinutes ?? 0), Date.parse(a.end) / 60_000 + (t?.bufferAfterMinutes ?? 0)];
  };
  const mine = schedule.appointments.filter((a) => a.providerId === providerId).map(span);
  const rooms = schedule.resources.map((room) => schedule.appointments.filter((a) => a.resourceIds.includes(room.id)).map(span));
  const rules = schedule.rules.filter((r) => r.providerId === providerId).map((r) => [r.weekday, Number(r.start.slice(0, 2)) * 60 + Number(r.start.slice(3)), Number(r.end.slice(0, 2)) * 60 + Number(r.end.slice(3))]);
  const open = (m: number): boolean => {
    const local = m + timeline.offsetAt(m);
    const weekday = ((Math.floor(local / 1440) + 3) % 7) + 1;
    const clock = ((local % 1440) + 1440) % 1440;
    return rules.some(([day, start, end]) => day === weekday && (start as number) <= clock && clock < (end as number));
  };
  const taken = (list: [number, number][], m: number): boolean => list.some(([start, end]) => start <= m && m < end);
  const start = wallInstant(from, 0, timeline);
  const end = wallInstant(addDays(to, 1), 0, timeline);
  let slots = 0;
  for (let s = start; s < end; s++) {
    if ((s + timeline.offsetAt(s)) % schedule.policy.alignmentMinutes !== 0) continue;
    let fits = true;
    for (let m = s; m < s + type.durationMinutes && fits; m++) fits = open(m);
    for (let m = s - type.bufferBeforeMinutes; m < s + type.durationMinutes + type.bufferAfterMinutes && fits; m++) {
      fits = !taken(mine, m) && rooms.some((list) => !taken(list, m));
    }
    if (fits) slots++;
  }
  return slots;
}

process.stdout.write('Scheduling: 50 providers, 60 days, 10,000 appointments\n');
const built = performance.now();
const schedule = clinic(10_000, 60, 2026);
report('clinic parse and index (10,000 appointments)', performance.now() - built, 'ms');
const query = { typeId: 'new', from: '2026-09-14', to: '2026-10-13', providerIds: ['dr-7'], now: '2026-08-01T00:00:00Z' };
const ours = findSlots(schedule, query);
const naiveCount = naiveSlots(schedule, 'dr-7', 'new', query.from, query.to);
report('slots found (interval arithmetic)', ours.ok ? ours.value.length : -1, 'slots');
report('slots found (minute scan baseline)', naiveCount, 'slots', { min: ours.ok ? ours.value.length : 0, max: ours.ok ? ours.value.length : 0 });
const fast = measure('findSlots, one provider-month', 1, () => findSlots(schedule, query));
const slow = measure('minute-by-minute scan, same month', 1, () => naiveSlots(schedule, 'dr-7', 'new', query.from, query.to));
let pass = compare(fast, slow, { label: 'findSlots vs a minute scan', minSpeedup: 50, maxMs: 20 });

process.stdout.write('Booking conflict check (binary search over the occupancy index)\n');
const candidate = (day: string): Appointment =>
  ({ id: 'probe', patientId: 'p', providerId: 'dr-3', typeId: 'follow-up', status: 'booked', start: `${day}T10:10:00-04:00`, end: `${day}T10:30:00-04:00`, resourceIds: [] }) as unknown as Appointment;
const small = clinic(1_000, 60, 7);
const large = clinic(100_000, 60 * 12, 7);
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < 1_000; i++) checkBooking(small, candidate('2026-09-15'));
  for (let i = 0; i < 1_000; i++) checkBooking(large, candidate('2026-09-15'));
}
const atSmall = measure('checkBooking with 1,000 appointments', 1_000, () => {
  for (let i = 0; i < 1_000; i++) checkBooking(small, candidate('2026-09-15'));
});
const atLarge = measure('checkBooking with 100,000 appointments', 1_000, () => {
  for (let i = 0; i < 1_000; i++) checkBooking(large, candidate('2026-09-15'));
});
const linear = measure('linear scan of 100,000 appointments', 100, () => {
  for (let i = 0; i < 100; i++) {
    const probe = candidate('2026-09-15');
    large.appointments.some((a) => a.providerId === probe.providerId && Date.parse(a.start) < Date.parse(probe.end) && Date.parse(probe.start) < Date.parse(a.end));
  }
});
pass = compare(atLarge, atSmall, { label: '100,000 vs 1,000 appointments (logarithmic: about the same time per check)' }) && pass;
pass = report('time per check, 100,000 / 1,000', atLarge.msPerOperation / atSmall.msPerOperation, 'x', { max: 3 }) && pass;
pass = compare(atLarge, linear, { label: 'checkBooking vs a linear scan, 100,000 appointments', minSpeedup: 10 }) && pass;
if (!pass) process.exitCode = 1;
