import { findSlots } from '../../scheduling/findSlots.js';
import { parseSchedule } from '../../scheduling/parseSchedule.js';
import type { Schedule } from '../../scheduling/schedule.js';
import type { Slot } from '../../scheduling/slotQuery.js';
import { ExitCode, parseCommandArgs, printIssues, usageFailure, type CliCommand, type CliIo, type ExitCodeValue } from '../command.js';
import { readJsonFile } from '../readInput.js';
import { wholeNumberOption } from '../wholeNumberOption.js';

const usage = `Usage: medoffice schedule slots --clinic clinic.json --type TYPE --from DATE --to DATE [options]

Lists the free slots of an appointment type between two clinic-local dates (inclusive).

Options:
  --clinic FILE        the clinic file (zone, providers, resources, types, rules, exceptions,
                       appointments, waitlist; see docs/scheduling.md)
  --type TYPE          appointment type id
  --from DATE          first date, YYYY-MM-DD
  --to DATE            last date, YYYY-MM-DD
  --provider ID        only this provider (repeatable)
  --patient-zone ZONE  also show each slot in the patient's IANA zone
  --now ISO            the moment of asking, an ISO date-time with an offset such as
                       2026-11-01T12:00:00-05:00 (default: the current time): slots start no
                       earlier than it plus the minimum notice, and urgent holds are released
                       by it
  --limit N            at most N slots
  --format text|json   output format (default text)

Exit status: 0 listed, 1 an invalid clinic file (every issue is listed with its path), 2 bad usage
(a malformed option, a --type the clinic does not have) or a clinic file that cannot be read or is
not JSON.`;

/**
 * A clinic file read and checked: the schedule, and the file's JSON as it was written (with any
 * field the clinic schema does not know).
 *
 * @example
 * ```ts
 * const clinic = await loadClinic('clinic.json', io);
 * if (!('exit' in clinic)) console.log(clinic.schedule.zone, (clinic.file as { clinicName?: string }).clinicName);
 * ```
 */
export interface LoadedClinic {
  readonly schedule: Schedule;
  readonly file: unknown;
}

/**
 * Reads and checks a clinic file for a command, printing every issue (with its path) on failure:
 * the exit code then says why, 2 for a file that cannot be read or is not JSON, 1 for a file
 * whose content is invalid.
 *
 * @example
 * ```ts
 * const clinic = await loadClinic('clinic.json', io);
 * if ('exit' in clinic) return clinic.exit;
 * ```
 */
export async function loadClinic(path: string, io: CliIo): Promise<LoadedClinic | { readonly exit: ExitCodeValue }> {
  let data: unknown;
  try {
    data = await readJsonFile(io, path);
  } catch (error) {
    io.err(`medoffice schedule: ${error instanceof Error ? error.message : String(error)}\n`);
    return { exit: ExitCode.usage };
  }
  const parsed = parseSchedule(data);
  if (!parsed.ok) {
    printIssues(parsed.issues, io, path);
    return { exit: ExitCode.findings };
  }
  return { schedule: parsed.value, file: data };
}

/**
 * `medoffice schedule slots`: free slots of a type over a date range.
 *
 * @example
 * ```ts
 * await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'follow-up', '--from', '2026-11-02', '--to', '2026-11-06'], io);
 * ```
 */
export const slotsCommand: CliCommand = {
  name: 'slots',
  summary: 'List free slots of an appointment type over a date range',
  usage,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, {
      clinic: { type: 'string' },
      type: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      provider: { type: 'string', multiple: true },
      'patient-zone': { type: 'string' },
      now: { type: 'string' },
      limit: { type: 'string' },
    });
    if (typeof parsed === 'string') return usageFailure(io, 'schedule slots', parsed, usage);
    if (parsed.help) {
      io.out(`${usage}\n`);
      return ExitCode.ok;
    }
    if (parsed.positionals.length > 0) return usageFailure(io, 'schedule slots', `unexpected word '${parsed.positionals[0] ?? ''}': give every input as an option`, usage);
    const { clinic, type, from, to, provider, now } = parsed.values;
    const limitText = parsed.values['limit'];
    const limit = limitText === undefined ? undefined : wholeNumberOption(String(limitText), 1, Number.MAX_SAFE_INTEGER);
    const patientZone = parsed.values['patient-zone'];
    if (typeof clinic !== 'string' || typeof type !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
      return usageFailure(io, 'schedule slots', '--clinic, --type, --from and --to are required', usage);
    }
    if (limitText !== undefined && limit === undefined) {
      return usageFailure(io, 'schedule slots', `--limit must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, not '${String(limitText)}'`, usage);
    }
    const loaded = await loadClinic(clinic, io);
    if ('exit' in loaded) return loaded.exit;
    const { schedule } = loaded;
    const found = findSlots(schedule, {
      typeId: type,
      from,
      to,
      // The moment of asking: slots already past are not free, and a hold released by now is free.
      now: typeof now === 'string' ? now : io.now(schedule.zone),
      ...(Array.isArray(provider) ? { providerIds: provider.map(String) } : {}),
      ...(typeof patientZone === 'string' ? { patientZone } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    if (!found.ok) {
      printIssues(found.issues, io, 'query');
      return ExitCode.usage;
    }
    if (parsed.format === 'json') {
      io.out(`${JSON.stringify(found.value, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.out(slotsText(found.value, type, schedule.zone, typeof patientZone === 'string' ? patientZone : undefined));
    return ExitCode.ok;
  },
};

function slotsText(slots: readonly Slot[], type: string, zone: string, patientZone: string | undefined): string {
  const lines = slots.map((slot) => {
    const patient = slot.patientStart !== undefined ? `  patient ${slot.patientStart.slice(0, 16).replace('T', ' ')} ${patientZone ?? ''}` : '';
    return `${slot.date} ${slot.start.slice(11, 16)}-${slot.end.slice(11, 16)} (${slot.start.slice(19)})  ${slot.providerId.padEnd(12)} ${slot.resourceIds.join(',')}${patient}\n`;
  });
  return `${slots.length} free ${type} slot${slots.length === 1 ? '' : 's'} (${zone})\n${lines.join('')}`;
}
