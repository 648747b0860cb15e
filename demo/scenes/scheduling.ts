import type { DateTime } from 'luxon';
import type { Checked } from '../../src/core/result.js';
import { book } from '../../src/scheduling/book.js';
import { cancel } from '../../src/scheduling/changeStatus.js';
import type { ClinicFileInput } from '../../src/scheduling/clinicFile.js';
import { daySheet, formatDaySheet } from '../../src/scheduling/daySheet.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { providerDayMetrics } from '../../src/scheduling/metrics.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { planReminders } from '../../src/scheduling/reminders.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { fillFromWaitlist, rankWaitlist } from '../../src/scheduling/waitlist.js';
import type { DemoContext, DemoScene } from '../scene.js';

function maple(zone: string, day: string): ClinicFileInput {
  const weekdays = [1, 2, 3, 4, 5];
  return {
    zone,
    policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 60, urgentHold: { share: 0.2, release: '10:00' } },
    providers: [{ id: 'dr-lee', name: 'Dr. Ana Lee' }, { id: 'dr-cho', name: 'Dr. Min Cho' }],
    resources: [
      { id: 'room-1', name: 'Exam 1', kind: 'room', capacity: 1 },
      { id: 'room-2', name: 'Exam 2', kind: 'room', capacity: 1 },
    ],
    appointmentTypes: [
      { id: 'follow-up', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'new', name: 'New patient', durationMinutes: 40, visit: 'new', bufferAfterMinutes: 10, requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'urgent', name: 'Urgent visit', durationMinutes: 20, visit: 'follow-up', requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
    ],
    rules: weekdays.flatMap((weekday) => [
      { id: `lee-${weekday}`, providerId: 'dr-lee', weekday, start: '08:00', end: '12:00', effectiveFrom: '2026-01-01' },
      { id: `cho-${weekday}`, providerId: 'dr-cho', weekday, start: '08:30', end: '12:30', effectiveFrom: '2026-01-01' },
    ]),
    exceptions: [{ id: 'lee-huddle', kind: 'blocked', providerId: 'dr-lee', date: day, start: '10:00', end: '10:20', reason: 'team huddle' }],
    waitlist: [
      { id: 'w-ruiz', patientId: 'ruiz', typeId: 'follow-up', priority: 2, earliestDate: day, addedAt: '2026-10-20T09:00:00-04:00' },
      { id: 'w-okafor', patientId: 'okafor', typeId: 'follow-up', priority: 5, earliestDate: day, addedAt: '2026-10-28T16:00:00-04:00', windows: [{ start: '08:00', end: '10:00' }] },
      { id: 'w-hale', patientId: 'hale', typeId: 'new', priority: 9, earliestDate: '2026-11-09', addedAt: '2026-10-01T09:00:00-04:00' },
    ],
  };
}

function must<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.code} at ${i.path.join('.')}`).join('; '));
  return result.value;
}

function clock(iso: string): string {
  return iso.slice(11, 16);
}

function morningBookings(schedule: Schedule, context: DemoContext, now: DateTime): Schedule {
  const callers = [
    ['garcia', 'follow-up', 'dr-lee'], ['nguyen', 'new', 'dr-lee'], ['patel', 'follow-up', 'dr-cho'],
    ['smith', 'follow-up', 'dr-lee'], ['kim', 'new', 'dr-cho'], ['brown', 'follow-up', 'dr-lee'],
  ] as const;
  let current = schedule;
  for (const [patientId, typeId, providerId] of callers) {
    const [first] = must(findSlots(current, { typeId, from: context.day, to: context.day, providerIds: [providerId], now, limit: 1 }));
    if (first === undefined) continue;
    const booked = must(book(current, { patientId, providerId, typeId, start: first.start, now }));
    current = booked.schedule;
    context.say(`  ${clock(first.start)} ${patientId.padEnd(7)} ${typeId.padEnd(10)} with ${providerId} in ${first.resourceIds.join(', ')}`);
  }
  const online = must(findSlots(current, { typeId: 'follow-up', from: context.day, to: context.day, now, limit: 1, patientZone: 'America/Los_Angeles' }))[0];
  if (online !== undefined) {
    current = must(book(current, { patientId: 'moreau', providerId: online.providerId, typeId: 'follow-up', start: online.start, patientZone: 'America/Los_Angeles', now })).schedule;
    context.say(`  online: moreau (in Los Angeles) takes ${clock(online.start)} New York time, shown to her as ${clock(online.patientStart ?? '')} Pacific`);
  }
  return current;
}

/**
 * The scheduling scene: a morning of bookings, a cancellation filled from the waitlist, and an urgent fit-in.
 *
 * @example
 * ```ts
 * await schedulingScene.play(context);
 * ```
 */
export const schedulingScene: DemoScene = {
  title: 'The front desk: bookings, a cancellation filled from the waitlist, an urgent fit-in',
  play: (context) => {
    let schedule = must(parseSchedule(maple(context.zone, context.day)));
    const now = context.morning;
    context.say(`07:30. The phones open. Each caller gets the first free slot that fits (20% of each session is held for urgent cases until 10:00):`);
    schedule = morningBookings(schedule, context, now);

    const smith = schedule.appointments.find((a) => a.patientId === 'smith');
    if (smith !== undefined) {
      const at = now.plus({ minutes: 45 });
      context.say('');
      context.say(`${at.toFormat('HH:mm')}. Smith cancels the ${clock(smith.start)} follow-up (reason: pat). Who on the waitlist can take it?`);
      schedule = must(cancel(schedule, smith.id, { reason: 'pat', note: 'car trouble' }));
      const freed = { providerId: smith.providerId, start: smith.start, end: smith.end };
      for (const offer of rankWaitlist(schedule, freed, at)) context.say(`  offer: ${offer.entry.patientId} (priority ${offer.entry.priority}) at ${clock(offer.slot.start)}`);
      context.say('  (hale is skipped: a new-patient visit does not fit in 20 minutes, and hale cannot come before 11-09)');
      const filled = must(fillFromWaitlist(schedule, freed, at));
      schedule = filled.schedule;
      context.say(`  booked ${filled.entry.patientId} at ${clock(filled.appointment.start)}; ${schedule.waitlist.length} left on the waitlist`);
    }

    const walkIn = now.plus({ minutes: 75 });
    context.say('');
    context.say(`${walkIn.toFormat('HH:mm')}. A patient calls with chest tightness. Routine slots left with dr-lee this morning:`);
    const routine = must(findSlots(schedule, { typeId: 'urgent', from: context.day, to: context.day, providerIds: ['dr-lee'], now: walkIn }));
    context.say(`  ${routine.map((s) => clock(s.start)).join(' ') || 'none'}`);
    const urgent = must(findSlots(schedule, { typeId: 'urgent', from: context.day, to: context.day, providerIds: ['dr-lee'], now: walkIn, urgent: true }));
    const held = urgent.find((s) => !routine.some((r) => r.start === s.start)) ?? urgent[0];
    if (held !== undefined) {
      schedule = must(book(schedule, { patientId: 'walker', providerId: 'dr-lee', typeId: 'urgent', start: held.start, urgent: true, now: walkIn })).schedule;
      context.say(`  urgent fit-in: walker at ${clock(held.start)}, in time held for exactly this`);
    }

    const hale = schedule.waitlist.find((entry) => entry.patientId === 'hale');
    if (hale !== undefined) {
      const [next] = must(findSlots(schedule, { typeId: hale.typeId, from: hale.earliestDate, to: '2026-11-13', now: walkIn, limit: 1, patientZone: 'Europe/London' }));
      if (next !== undefined) {
        const booked = must(book(schedule, { patientId: 'hale', providerId: next.providerId, typeId: next.typeId, start: next.start, patientZone: 'Europe/London' }));
        schedule = { ...booked.schedule, waitlist: booked.schedule.waitlist.filter((entry) => entry.id !== hale.id) };
        const reminders = must(planReminders(booked.appointment, schedule.zone, { now: walkIn }));
        context.say('');
        context.say(`Hale (abroad in London until then) takes the first new-patient slot from ${hale.earliestDate}: ${next.start.replace('T', ' ').slice(0, 16)} New York time.`);
        context.say(`  reminders, London time, out of quiet hours: ${reminders.map((r) => `${r.sendAt.slice(5, 16).replace('T', ' ')}${r.moved ? ' (moved)' : ''}`).join(', ')}`);
      }
    }

    context.say('');
    context.say("Dr. Lee's day sheet:");
    for (const line of formatDaySheet(must(daySheet(schedule, 'dr-lee', context.day))).split('\n')) context.say(`  ${line}`);
    for (const m of providerDayMetrics(schedule, { from: context.day, to: context.day })) {
      context.say(`  ${m.providerId}: ${m.bookedMinutes} min booked, ${m.freeMinutes} free, ${m.fragmentedMinutes} min in ${m.fragments} gap(s) too short for any visit`);
    }
  },
};
