import type { ClinicFileInput } from '../../src/scheduling/clinicFile.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';

/** A small clinic in America/New_York: two providers, two exam rooms, one ultrasound. */
export function clinicInput(overrides: Partial<ClinicFileInput> = {}): ClinicFileInput {
  const weekdays = [1, 2, 3, 4, 5];
  return {
    zone: 'America/New_York',
    policy: { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365 },
    providers: [
      { id: 'dr-lee', name: 'Dr. Ana Lee' },
      { id: 'dr-cho', name: 'Dr. Min Cho' },
    ],
    resources: [
      { id: 'room-1', name: 'Exam room 1', kind: 'room', capacity: 1 },
      { id: 'room-2', name: 'Exam room 2', kind: 'room', capacity: 1 },
      { id: 'ultrasound', name: 'Ultrasound', kind: 'equipment', capacity: 1 },
    ],
    appointmentTypes: [
      { id: 'follow-up', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'new', name: 'New patient', durationMinutes: 40, visit: 'new', bufferAfterMinutes: 10, requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'scan', name: 'Ultrasound', durationMinutes: 30, visit: 'follow-up', bufferBeforeMinutes: 5, requiredResources: [{ anyOf: ['ultrasound'] }], allowedProviders: ['dr-lee'] },
    ],
    rules: [
      ...weekdays.map((weekday) => ({ id: `lee-am-${weekday}`, providerId: 'dr-lee', weekday, start: '09:00', end: '12:00', effectiveFrom: '2026-01-01' })),
      ...weekdays.map((weekday) => ({ id: `lee-pm-${weekday}`, providerId: 'dr-lee', weekday, start: '13:00', end: '17:00', effectiveFrom: '2026-01-01' })),
      ...weekdays.map((weekday) => ({ id: `cho-${weekday}`, providerId: 'dr-cho', weekday, start: '08:00', end: '14:00', effectiveFrom: '2026-01-01' })),
    ],
    ...overrides,
  };
}

/** Parses a clinic that must be sound. */
export function scheduleOf(input: ClinicFileInput): Schedule {
  const parsed = parseSchedule(input);
  if (!parsed.ok) throw new Error(`fixture clinic is unsound: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/** The small clinic, parsed. */
export function smallClinic(overrides: Partial<ClinicFileInput> = {}): Schedule {
  return scheduleOf(clinicInput(overrides));
}
