import { hasErrors, type Issue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import type { IanaZone } from '../core/time.js';
import type { AppointmentType, Resource } from './clinic.js';
import { ClinicFileSchema, type ClinicFile } from './clinicFile.js';
import { occupancyOf } from './occupancy.js';
import { patientOverlaps } from './patientOverlaps.js';
import type { Schedule } from './schedule.js';
import { validateClinic } from './validateClinic.js';

/**
 * Parses and checks a clinic file (for instance `JSON.parse` of `clinic.json`) into a schedule.
 * Every problem is reported with its path: shape errors (`schedule.schema`), unknown zones
 * (`time.unknown_zone`), duplicate ids, unknown references, ranges that end before they start,
 * overlapping rules, and existing appointments that double-book a provider or overfill a resource.
 * A patient in two existing visits at once is a warning (`schedule.patient_overlap`): the file loads.
 *
 * @param input - anything
 * @returns the schedule, or every issue found
 * @example
 * ```ts
 * const parsed = parseSchedule(JSON.parse(await readFile('clinic.json', 'utf8')));
 * if (!parsed.ok) for (const issue of parsed.issues) console.error(issue.code, issue.path);
 * ```
 */
export function parseSchedule(input: unknown): Checked<Schedule> {
  const parsed = ClinicFileSchema.safeParse(input);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'schedule.schema'));
  const file = parsed.data;
  const issues = validateClinic(file);
  if (hasErrors(issues)) return fail(issues);
  const built = scheduleOfFile(file);
  return built.issues.length > 0 ? fail(built.issues) : ok(built.schedule, patientOverlaps(file.appointments));
}

/**
 * Builds a schedule from a clinic file already known to be sound, with the conflicts among its
 * appointments (left out of the index) reported beside it.
 *
 * @example
 * ```ts
 * const { schedule, issues } = scheduleOfFile(file);
 * ```
 */
export function scheduleOfFile(file: ClinicFile): { schedule: Schedule; issues: Issue[] } {
  const types = new Map<string, AppointmentType>(file.appointmentTypes.map((t) => [t.id, t]));
  const resources = new Map<string, Resource>(file.resources.map((r) => [r.id, r]));
  const { occupancy, issues } = occupancyOf(file.appointments, types, resources);
  return { schedule: { ...file, zone: file.zone as IanaZone, occupancy }, issues };
}
