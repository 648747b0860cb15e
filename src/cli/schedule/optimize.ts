import type { Issue } from '../../core/issue.js';
import { checkSession } from '../../scheduling/optimize/session.js';
import { compareWithBaselines, type BaselineComparison } from '../../scheduling/optimize/compareBaselines.js';
import { ExitCode, parseCommandArgs, printIssues, usageFailure, type CliCommand } from '../command.js';
import { readJsonFile } from '../readInput.js';
import { wholeNumberOption } from '../wholeNumberOption.js';

const USAGE = `Usage: medoffice schedule optimize session.json [--max-evaluations N] [--format text|json]

Finds the appointment schedule that minimises Kaandorp and Koole's objective
  wait · E[total wait] / N + idle · E[idle] + overtime · E[overtime]
for one provider's session, by their local search, and prints it with its exact expected waiting
time, idle time and overtime beside the classic rules (Bailey-Welch, equal spacing, multiple-block,
offset, dome).
The file holds either a session, whose schedule is compared too (and is a start of the search):
  { "slots": [2,1,1,0,...], "intervalMinutes": 15, "sessionMinutes": 300,
    "service": { "kind": "lognormal", "mean": 15, "sd": 7.5 }, "noShowProbability": 0.1,
    "weights": { "wait": 1, "idle": 1, "overtime": 1 }, "maxPerInterval": 2 }
or a problem: { "patients": 20, "intervals": 40, "intervalMinutes": 7.5, "service": ..., "noShowProbability": ...,
    "maxPerInterval": 3 }
sessionMinutes and maxPerInterval may be left out (the intervals end the session; no limit). A row
whose schedule books more than maxPerInterval into an interval is marked: it is not a feasible choice.
--max-evaluations N stops the search after about N schedules have been evaluated (a whole number ≥ 1;
  by default the search runs until no move improves), and the best schedule found so far is printed.
Exit status: 0 optimised, 1 the file's content has problems (listed with their paths), 2 bad usage or unreadable file.`;


/**
 * A session file becomes a problem over the same intervals, with its own schedule to compare; the
 * session is checked first so that a bad entry is reported where it is (`slots[3]`), never dropped.
 * The file's `maxPerInterval` (not part of a session, which it does not change) goes to the problem,
 * which checks it.
 */
function asProblem(input: unknown): { problem: unknown; given?: readonly number[] } | { issues: readonly Issue[] } {
  if (typeof input !== 'object' || input === null || !('slots' in input)) return { problem: input };
  const file = input as Record<string, unknown>;
  const session = checkSession(withDefaultSession(file));
  if (!session.ok) return { issues: withoutDerived(file, session.issues) };
  const { slots, ...rest } = session.value;
  const patients = slots.reduce((sum, n) => sum + n, 0);
  const limit = file['maxPerInterval'] === undefined ? {} : { maxPerInterval: file['maxPerInterval'] };
  return { problem: { ...rest, ...limit, patients, intervals: slots.length }, given: slots };
}

/**
 * Leaves out issues about a `sessionMinutes` the file does not have: the default derived from
 * `slots` and `intervalMinutes` (or its absence) is wrong only because one of those is, and that
 * one is reported at its own path (an empty `slots` was also reported at `sessionMinutes`).
 */
function withoutDerived(file: Record<string, unknown>, issues: readonly Issue[]): readonly Issue[] {
  if (file['sessionMinutes'] !== undefined) return issues;
  const kept = issues.filter((issue) => issue.path[0] !== 'sessionMinutes');
  return kept.length > 0 ? kept : issues;
}

/** A session's patients and intervals are counted from its `slots`: an issue about either is reported there. */
function atSlots<I extends Issue>(issue: I): I {
  const [first, ...rest] = issue.path;
  return first === 'patients' || first === 'intervals' ? { ...issue, path: ['slots', ...rest] } : issue;
}

/** A session file may leave out `sessionMinutes`, as a problem file may: the intervals end the session (no default without intervals). */
function withDefaultSession(input: Record<string, unknown>): Record<string, unknown> {
  const { slots, intervalMinutes } = input;
  if (input['sessionMinutes'] !== undefined || !Array.isArray(slots) || slots.length === 0 || typeof intervalMinutes !== 'number') return input;
  return { ...input, sessionMinutes: slots.length * intervalMinutes };
}

/** `--max-evaluations`: a whole number ≥ 1, or no limit when it is not given; a message when it is malformed. */
function evaluationBudget(given: unknown): number | string {
  if (given === undefined) return Number.POSITIVE_INFINITY;
  const text = String(given);
  return wholeNumberOption(text, 1, Number.MAX_SAFE_INTEGER) ?? `--max-evaluations must be a whole number of at least 1, not '${text}'`;
}

function compactSlots(slots: readonly number[]): string {
  return slots.every((n) => n < 10) ? slots.join('') : slots.join(',');
}

function textReport(comparison: BaselineComparison): string {
  const header = `${'policy'.padEnd(16)}${'wait/patient'.padStart(13)}${'idle'.padStart(9)}${'overtime'.padStart(10)}${'objective'.padStart(11)}  schedule`;
  const lines = comparison.rows.map((row) => {
    const e = row.evaluation;
    const mark = row.exceedsMaxPerInterval === true ? '  (exceeds maxPerInterval: not feasible)' : '';
    return `${row.name.padEnd(16)}${e.expectedWaitPerPatient.toFixed(2).padStart(13)}${e.expectedIdle.toFixed(2).padStart(9)}${e.expectedOvertime.toFixed(2).padStart(10)}${e.objective.toFixed(3).padStart(11)}  ${compactSlots(row.slots)}${mark}`;
  });
  const o = comparison.optimised;
  const how = `Local search from ${o.startedFrom}: ${o.improvements} improving moves, ${o.evaluations} schedules evaluated${o.fullNeighbourhood ? ', full neighbourhood (global optimum)' : ''}${o.stoppedEarly ? ', stopped at the evaluation budget (a better schedule may exist)' : ''}.`;
  return `${header}\n${lines.join('\n')}\n\nMinutes expected per session; schedule = patients booked at the start of each interval.\n${how}\n`;
}

/**
 * `medoffice schedule optimize`: the optimal schedule of a session beside the classic rules.
 *
 * @example
 * ```ts
 * await optimizeCommand.run(['session.json', '--format', 'json'], io);
 * ```
 */
export const optimizeCommand: CliCommand = {
  name: 'optimize',
  summary: 'Optimise a session schedule under no-shows and compare it with the classic rules',
  usage: USAGE,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, { 'max-evaluations': { type: 'string' } });
    if (typeof parsed === 'string') return usageFailure(io, 'schedule optimize', parsed, USAGE);
    if (parsed.help) return (io.out(`${USAGE}\n`), ExitCode.ok);
    const maxEvaluations = evaluationBudget(parsed.values['max-evaluations']);
    if (typeof maxEvaluations === 'string') return usageFailure(io, 'schedule optimize', maxEvaluations, USAGE);
    const [path] = parsed.positionals;
    if (path === undefined || parsed.positionals.length > 1) return usageFailure(io, 'schedule optimize', 'give one session file', USAGE);
    let input: unknown;
    try {
      input = await readJsonFile(io, path);
    } catch (error) {
      io.err(`medoffice schedule optimize: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
    const session = asProblem(input);
    if ('issues' in session) {
      printIssues(session.issues, io, path);
      return ExitCode.findings;
    }
    const result = compareWithBaselines(session.problem, session.given, { maxEvaluations });
    if (!result.ok) {
      printIssues(session.given === undefined ? result.issues : result.issues.map(atSlots), io, path);
      return ExitCode.findings;
    }
    io.out(parsed.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : textReport(result.value));
    return ExitCode.ok;
  },
};
