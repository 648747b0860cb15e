import { warningIssue, type Issue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';

/**
 * The `schedule.patient_overlap` warnings of a clinic file: each time-holding appointment (pending,
 * booked, arrived, checked-in, fulfilled, overbookings too) whose patient already has an earlier-listed
 * one overlapping its time, with any provider. A file from another system may hold such a pair; it
 * still loads (the booking operations refuse to make one: `booking.patient_conflict`), and the
 * warning says where it is. Back-to-back visits do not overlap.
 *
 * @param appointments - the file's appointments, any status
 * @returns one warning per overlapping appointment, at `['appointments', i, 'start']`
 * @example
 * ```ts
 * patientOverlaps(file.appointments); // [] when no patient is in two visits at once
 * ```
 */
export function patientOverlaps(appointments: readonly Appointment[]): Issue[] {
  const byPatient = new Map<string, { index: number; start: number; end: number; id: string }[]>();
  appointments.forEach((a, index) => {
    if (!holdsTime(a.status)) return;
    const own = byPatient.get(a.patientId) ?? [];
    own.push({ index, start: Date.parse(a.start), end: Date.parse(a.end), id: a.id });
    byPatient.set(a.patientId, own);
  });
  const found: { index: number; issue: Issue }[] = [];
  for (const [patientId, visits] of byPatient) {
    // In order of start, each visit overlaps those still running; of each overlapping pair the
    // later-listed is warned, naming the first-listed visit it overlaps.
    const partner = new Map<number, (typeof visits)[number]>();
    let running: typeof visits = [];
    for (const visit of [...visits].sort((x, y) => x.start - y.start || x.index - y.index)) {
      running = running.filter((other) => other.end > visit.start);
      for (const other of running) {
        const [earlier, later] = other.index < visit.index ? [other, visit] : [visit, other];
        const known = partner.get(later.index);
        if (known === undefined || earlier.index < known.index) partner.set(later.index, earlier);
      }
      running.push(visit);
    }
    for (const [index, earlier] of partner) {
      const later = visits.find((visit) => visit.index === index) as (typeof visits)[number];
      const message = `${patientId} is in appointments ${earlier.id} and ${later.id} at once`;
      found.push({ index, issue: warningIssue('schedule.patient_overlap', ['appointments', index, 'start'], message) });
    }
  }
  return found.sort((x, y) => x.index - y.index).map((f) => f.issue);
}
