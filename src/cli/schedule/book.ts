import type { Appointment } from '../../scheduling/appointment.js';
import { book } from '../../scheduling/book.js';
import { ExitCode, parseCommandArgs, printIssues, usageFailure, type CliCommand } from '../command.js';
import { writeFailureReason } from '../outputFile.js';
import { loadClinic } from './slots.js';

const usage = `Usage: medoffice schedule book --clinic clinic.json --type TYPE --provider ID --start ISO --patient ID [options]

Books an appointment, refusing any conflict, and optionally writes the updated clinic file.

Options:
  --clinic FILE        the clinic file (see docs/scheduling.md)
  --type TYPE          appointment type id
  --provider ID        provider id
  --start ISO          start: 2026-11-02T09:00 (clinic wall clock) or with an offset
  --patient ID         patient id
  --patient-zone ZONE  the patient's IANA zone (for reminders)
  --id ID              appointment id (default: the next appt-N)
  --now ISO            the moment of booking, an ISO date-time with an offset such as
                       2026-11-01T12:00:00-05:00 (default: the current time): time held for
                       urgent cases is refused until the hold's release that day
  --urgent             book an urgent case, which may use time held for urgent cases on the
                       day of --now
  --out FILE           write the clinic file with the new appointment here (it may be the
                       --clinic file itself); the file is replaced only once fully written, and
                       every other field of the clinic file keeps its value
  --format text|json   output format (default text)

Exit status: 0 booked, 1 refused (conflicts are listed) or an invalid clinic file (every issue is
listed with its path), 2 bad usage (a malformed --start or --now, a --type or --provider the clinic
does not have, --out -), a clinic file that cannot be read or is not JSON, or an --out that cannot
be written.`;

/**
 * The clinic file as it was read with one more appointment: every other field, those the clinic
 * schema does not know included, is kept as the user wrote it.
 */
function withAppointment(file: unknown, appointment: Appointment): unknown {
  const clinic = file as Record<string, unknown>;
  const appointments = Array.isArray(clinic['appointments']) ? (clinic['appointments'] as unknown[]) : [];
  return { ...clinic, appointments: [...appointments, appointment] };
}

/**
 * `medoffice schedule book`: books one appointment into a clinic file.
 *
 * @example
 * ```ts
 * await bookCommand.run(['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee',
 *   '--start', '2026-11-02T09:00', '--patient', 'p1', '--now', '2026-11-01T12:00:00-05:00', '--out', 'clinic.json'], io);
 * ```
 */
export const bookCommand: CliCommand = {
  name: 'book',
  summary: 'Book an appointment into a clinic file, refusing conflicts',
  usage,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, {
      clinic: { type: 'string' },
      type: { type: 'string' },
      provider: { type: 'string' },
      start: { type: 'string' },
      patient: { type: 'string' },
      'patient-zone': { type: 'string' },
      id: { type: 'string' },
      now: { type: 'string' },
      urgent: { type: 'boolean' },
      out: { type: 'string' },
    });
    if (typeof parsed === 'string') return usageFailure(io, 'schedule book', parsed, usage);
    if (parsed.help) {
      io.out(`${usage}\n`);
      return ExitCode.ok;
    }
    if (parsed.positionals.length > 0) return usageFailure(io, 'schedule book', `unexpected word '${parsed.positionals[0] ?? ''}': give every input as an option`, usage);
    const { clinic, type, provider, start, patient, id, now, urgent, out } = parsed.values;
    const patientZone = parsed.values['patient-zone'];
    if ([clinic, type, provider, start, patient].some((value) => typeof value !== 'string')) {
      return usageFailure(io, 'schedule book', '--clinic, --type, --provider, --start and --patient are required', usage);
    }
    if (out === '-' || out === '') return usageFailure(io, 'schedule book', `--out needs a file name, not '${String(out)}' (standard output carries the booking's report)`, usage);
    const loaded = await loadClinic(String(clinic), io);
    if ('exit' in loaded) return loaded.exit;
    const { schedule } = loaded;
    const result = book(schedule, {
      patientId: String(patient),
      providerId: String(provider),
      typeId: String(type),
      start: String(start),
      // The moment of booking: time held for urgent cases stays held until its release.
      now: typeof now === 'string' ? now : io.now(schedule.zone),
      ...(urgent === true ? { urgent: true } : {}),
      ...(typeof id === 'string' ? { id } : {}),
      ...(typeof patientZone === 'string' ? { patientZone } : {}),
    });
    if (!result.ok) {
      if (parsed.format === 'json') io.out(`${JSON.stringify({ booked: false, issues: result.issues }, null, 2)}\n`);
      printIssues(result.issues, io, 'booking');
      // A request that is not even well formed (a --start that is no date-time, say) is bad usage.
      return result.issues.some((issue) => MALFORMED_REQUEST.has(issue.code)) ? ExitCode.usage : ExitCode.findings;
    }
    if (typeof out === 'string') {
      try {
        await io.writeText(out, `${JSON.stringify(withAppointment(loaded.file, result.value.appointment), null, 2)}\n`, { replace: true });
      } catch (error) {
        io.err(`medoffice schedule book: cannot write the clinic file ${out}: ${writeFailureReason(error)}; the booking was not saved\n`);
        return ExitCode.usage;
      }
    }
    const a = result.value.appointment;
    printIssues(result.warnings, io, 'booking');
    if (parsed.format === 'json') io.out(`${JSON.stringify({ booked: true, appointment: a, warnings: result.warnings }, null, 2)}\n`);
    else io.out(`booked ${a.id}: ${a.patientId} with ${a.providerId}, ${a.typeId}, ${a.start} to ${a.end.slice(11, 16)}${a.resourceIds.length > 0 ? ` in ${a.resourceIds.join(', ')}` : ''}\n`);
    return ExitCode.ok;
  },
};

/**
 * Issue codes that mean the command's words were malformed rather than the booking refused: a
 * `--start` that is no date-time, an unknown zone, or a `--type` or `--provider` the clinic does not
 * have (as `slots` treats an unknown type).
 */
const MALFORMED_REQUEST: ReadonlySet<string> = new Set(['booking.request', 'booking.unknown_type', 'booking.unknown_provider', 'time.invalid_datetime', 'time.unknown_zone']);

