import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KPI_NAMES } from '../../scheduling/simulate/kpis.js';
import { buildSimulationReport } from '../../scheduling/simulate/report/buildReport.js';
import { renderSimulationReport } from '../../scheduling/simulate/report/renderReport.js';
import { MAX_REPLICATIONS, simulateSessions, type SimulationResult } from '../../scheduling/simulate/simulateSessions.js';
import { sweepScenarios } from '../../scheduling/simulate/sweepScenarios.js';
import type { Checked } from '../../core/result.js';
import type { SimulationIssue } from '../../scheduling/simulate/scenario.js';
import { ExitCode, parseCommandArgs, printIssues, usageFailure, type CliCommand, type CliIo, type ExitCodeValue } from '../command.js';
import { samePlace, writeFailureReason } from '../outputFile.js';
import { readJsonFile } from '../readInput.js';
import { wholeNumberOption } from '../wholeNumberOption.js';

const USAGE = `Usage: medoffice schedule simulate scenario.json [--reps N] [--seed S] [--workers W] [--report out.html [--force]] [--format text|json]

Simulates N independent clinic sessions of the scenario (providers, rooms, patient classes with
their service times and no-show rates, punctuality, walk-ins, urgent patients) and prints every KPI
with its mean, standard error, 95% confidence interval and percentiles. The same seed always gives
the same numbers.
  --reps N         replications, a whole number from 1 to 50000000 (default 10000)
  --seed S         seed, an integer or a word, not empty (default 1)
  --workers W      run the replications on W worker threads, a whole number from 0 to 256 (same
                   numbers as on one; 0, the default, runs them on this thread)
  --report FILE    also write a self-contained HTML report with charts (waiting-time distribution,
                   one session's provider timeline, the booking policies compared); never the
                   scenario file, and never over an existing file without --force
  --force          replace the --report file if it already exists
Exit status: 0 simulated, 1 the scenario has problems (listed with their paths), 2 bad usage
(an option's value out of range, --report -, an existing --report file without --force), an
unreadable file or a --report that cannot be written.`;

/** A figure with two decimals, or '–' when it is undefined (a wait KPI when nobody was ever seen). */
function fixed(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(2) : '–';
}

function textReport(result: SimulationResult): string {
  const header = `${'KPI'.padEnd(12)}${'mean'.padStart(10)}${'std.err'.padStart(10)}${'95% CI'.padStart(22)}${'p50'.padStart(9)}${'p90'.padStart(9)}`;
  const lines = KPI_NAMES.map((name) => {
    const s = result.kpis[name];
    // One replication measures no spread: summarize gives its interval and standard error as NaN.
    const ci = Number.isFinite(s.ci95[0]) ? `${fixed(s.ci95[0])} – ${fixed(s.ci95[1])}` : '–';
    const standardError = Number.isFinite(s.standardError) ? s.standardError.toFixed(3) : '–';
    return `${name.padEnd(12)}${fixed(s.mean).padStart(10)}${standardError.padStart(10)}${ci.padStart(22)}${fixed(s.percentiles[50]).padStart(9)}${fixed(s.percentiles[90]).padStart(9)}`;
  });
  const withSomeoneSeen = result.kpis.waitMean.n;
  const note =
    withSomeoneSeen === result.replications
      ? ''
      : withSomeoneSeen === 0
        ? 'waitMean and waitP90 are undefined: nobody was seen in any session\n'
        : `waitMean and waitP90 are over the ${withSomeoneSeen} sessions in which someone was seen\n`;
  return `${result.replications} replications, seed ${String(result.seed)}, ${result.engine} engine (minutes per session)\n${header}\n${lines.join('\n')}\n${note}`;
}

function readOptions(values: Readonly<Record<string, unknown>>): { replications: number; seed: number | string; workers: number } | string {
  const workersText = typeof values['workers'] === 'string' ? values['workers'] : '0';
  const workers = wholeNumberOption(workersText, 0, 256);
  if (workers === undefined) return `--workers must be a whole number from 0 to 256, not '${workersText}'`;
  const repsText = typeof values['reps'] === 'string' ? values['reps'] : '10000';
  const reps = wholeNumberOption(repsText, 1, MAX_REPLICATIONS);
  if (reps === undefined) return `--reps must be a whole number from 1 to ${MAX_REPLICATIONS}, not '${repsText}'`;
  const seedText = typeof values['seed'] === 'string' ? values['seed'] : '1';
  if (seedText.trim() === '') return `--seed needs an integer or a word, not '${seedText}'`;
  const seed = /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  return { replications: reps, seed, workers };
}

async function simulate(input: unknown, options: { replications: number; seed: number | string; workers: number }): Promise<Checked<SimulationResult, SimulationIssue>> {
  if (options.workers === 0) return simulateSessions(input, options);
  const swept = await sweepScenarios([input], options);
  if (!swept.ok) return swept;
  const [only] = swept.value;
  return only === undefined ? simulateSessions(input, options) : only.ok ? only : { ok: false, issues: only.issues.map((i) => ({ ...i, path: i.path.slice(2) })) };
}

/** Why the report could not be written, known before simulating: a folder, a missing folder, or (without --force) an existing file. */
async function reportProblem(path: string, force: boolean): Promise<string | undefined> {
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory() === true) return 'EISDIR';
  if (target !== undefined) return force ? undefined : 'EEXIST';
  return (await stat(dirname(resolve(path))).catch(() => undefined))?.isDirectory() === true ? undefined : 'ENOENT';
}

function unwritableReport(io: CliIo, path: string, error: unknown): ExitCodeValue {
  io.err(`medoffice schedule simulate: cannot write the report ${path}: ${writeFailureReason(error)}\n`);
  return ExitCode.usage;
}

/**
 * `medoffice schedule simulate`: KPIs of a clinic scenario with confidence intervals, and an HTML report.
 *
 * @example
 * ```ts
 * await simulateCommand.run(['scenario.json', '--reps', '100000', '--seed', '7', '--report', 'out.html'], io);
 * ```
 */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Simulate clinic sessions and report KPIs with confidence intervals (optionally as HTML)',
  usage: USAGE,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, { reps: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' }, report: { type: 'string' }, force: { type: 'boolean' } });
    if (typeof parsed === 'string') return usageFailure(io, 'schedule simulate', parsed, USAGE);
    if (parsed.help) return (io.out(`${USAGE}\n`), ExitCode.ok);
    const [path] = parsed.positionals;
    if (path === undefined || parsed.positionals.length > 1) return usageFailure(io, 'schedule simulate', 'give one scenario file', USAGE);
    const options = readOptions(parsed.values);
    if (typeof options === 'string') return usageFailure(io, 'schedule simulate', options, USAGE);
    const reportPath = parsed.values['report'];
    const force = parsed.values['force'] === true;
    if (force && typeof reportPath !== 'string') return usageFailure(io, 'schedule simulate', '--force only applies with --report', USAGE);
    if (reportPath === '-' || reportPath === '') return usageFailure(io, 'schedule simulate', `--report needs a file name, not '${String(reportPath)}' (standard output carries the KPIs)`, USAGE);
    let input: unknown;
    try {
      input = await readJsonFile(io, path);
    } catch (error) {
      io.err(`medoffice schedule simulate: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
    if (typeof reportPath === 'string' && (await samePlace(reportPath, path))) return usageFailure(io, 'schedule simulate', `--report ${reportPath} would overwrite the scenario file`, USAGE);
    // Checked before simulating too, so a long run is not wasted on a report that cannot be written.
    if (typeof reportPath === 'string') {
      const early = await reportProblem(reportPath, force);
      if (early !== undefined) return unwritableReport(io, reportPath, { code: early });
    }
    const data = typeof reportPath === 'string' ? buildSimulationReport(input, options) : undefined;
    const result = data === undefined ? await simulate(input, options) : data.ok ? { ok: true as const, value: data.value.result } : data;
    if (!result.ok) {
      printIssues(result.issues, io, path);
      return ExitCode.findings;
    }
    if (data?.ok === true && typeof reportPath === 'string') {
      try {
        await io.writeText(reportPath, renderSimulationReport(data.value), { replace: force });
      } catch (error) {
        return unwritableReport(io, reportPath, error);
      }
    }
    io.out(parsed.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : textReport(result.value));
    return ExitCode.ok;
  },
};
