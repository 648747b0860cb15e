import { formatPath, type Issue } from '../../core/issue.js';
import { compareWithBaselines, type BaselineComparison } from '../../scheduling/optimize/compareBaselines.js';
import { ExitCode, parseCommandArgs, type CliCommand, type CliIo, type ExitCodeValue } from '../command.js';

const USAGE = `Usage: medoffice schedule optimize session.json [--format text|json]

Finds the appointment schedule that minimises Kaandorp and Koole's objective
  wait · E[total wait] / N + idle · E[idle] + overtime · E[overtime]
for one provider's session, by their local search, and prints it with its exact expected waiting
time, idle time and overtime beside the classic rules (Bailey-Welch, equal spacing, multiple-block,
offset, dome).
The file holds either a session, whose schedule is compared too:
  { "slots": [2,1,1,0,...], "intervalMinutes": 15, "sessionMinutes": 300,
    "service": { "kind": "lognormal", "mean": 15, "sd": 7.5 }, "noShowProbability": 0.1,
    "weights": { "wait": 1, "idle": 1, "overtime": 1 } }
or a problem: { "patients": 20, "intervals": 40, "intervalMinutes": 7.5, "service": ..., "noShowProbability": ...,
    "maxPerInterval": 3 }
Exit status: 0 optimised, 1 the file's content has problems (listed with their paths), 2 bad usage or unreadable file.`;

function usageError(io: CliIo, message: string): ExitCodeValue {
  io.err(`medoffice schedule optimize: ${message}\n\n${USAGE}\n`);
  return ExitCode.usage;
}

/** A session file becomes a problem over the same intervals, with its own schedule to compare. */
function asProblem(input: unknown): { problem: unknown; given?: readonly number[] } {
  if (typeof input !== 'object' || input === null || !('slots' in input) || !Array.isArray(input.slots)) return { problem: input };
  const { slots, ...rest } = input as { slots: unknown[] } & Record<string, unknown>;
  const patients = slots.reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  const given = slots.every((n) => typeof n === 'number') ? (slots as number[]) : undefined;
  return { problem: { ...rest, patients, intervals: slots.length }, ...(given === undefined ? {} : { given }) };
}

function compactSlots(slots: readonly number[]): string {
  return slots.every((n) => n < 10) ? slots.join('') : slots.join(',');
}

function textReport(comparison: BaselineComparison): string {
  const header = `${'policy'.padEnd(16)}${'wait/patient'.padStart(13)}${'idle'.padStart(9)}${'overtime'.padStart(10)}${'objective'.padStart(11)}  schedule`;
  const lines = comparison.rows.map((row) => {
    const e = row.evaluation;
    return `${row.name.padEnd(16)}${e.expectedWaitPerPatient.toFixed(2).padStart(13)}${e.expectedIdle.toFixed(2).padStart(9)}${e.expectedOvertime.toFixed(2).padStart(10)}${e.objective.toFixed(3).padStart(11)}  ${compactSlots(row.slots)}`;
  });
  const o = comparison.optimised;
  const how = `Local search from ${o.startedFrom}: ${o.improvements} improving moves, ${o.evaluations} schedules evaluated${o.fullNeighbourhood ? ', full neighbourhood (global optimum)' : ''}.`;
  return `${header}\n${lines.join('\n')}\n\nMinutes expected per session; schedule = patients booked at the start of each interval.\n${how}\n`;
}

function printIssues(io: CliIo, issues: readonly Issue[]): void {
  for (const issue of issues) io.err(`${issue.severity} ${issue.code} at ${formatPath(issue.path)}: ${issue.message}\n`);
}

/** `medoffice schedule optimize`: the optimal schedule of a session beside the classic rules. */
export const optimizeCommand: CliCommand = {
  name: 'optimize',
  summary: 'Optimise a session schedule under no-shows and compare it with the classic rules',
  usage: USAGE,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, {});
    if (typeof parsed === 'string') return usageError(io, parsed);
    if (parsed.help) return (io.out(`${USAGE}\n`), ExitCode.ok);
    const [path] = parsed.positionals;
    if (path === undefined || parsed.positionals.length > 1) return usageError(io, 'give one session file');
    let input: unknown;
    try {
      input = JSON.parse(await io.readText(path));
    } catch (error) {
      io.err(`medoffice schedule optimize: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
    const { problem, given } = asProblem(input);
    const result = compareWithBaselines(problem, given);
    if (!result.ok) {
      printIssues(io, result.issues);
      return ExitCode.findings;
    }
    io.out(parsed.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : textReport(result.value));
    return ExitCode.ok;
  },
};
