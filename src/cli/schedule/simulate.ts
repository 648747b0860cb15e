import { KPI_NAMES } from '../../scheduling/simulate/kpis.js';
import { buildSimulationReport } from '../../scheduling/simulate/report/buildReport.js';
import { renderSimulationReport } from '../../scheduling/simulate/report/renderReport.js';
import { simulateSessions, type SimulationResult } from '../../scheduling/simulate/simulateSessions.js';
import { sweepScenarios } from '../../scheduling/simulate/sweepScenarios.js';
import type { Checked } from '../../core/result.js';
import type { SimulationIssue } from '../../scheduling/simulate/scenario.js';
import { ExitCode, parseCommandArgs, printIssues, usageFailure, type CliCommand } from '../command.js';
import { samePlace, writeFailureReason } from '../outputFile.js';
import { readJsonFile } from '../readInput.js';

const USAGE = `Usage: medoffice schedule simulate scenario.json [--reps N] [--seed S] [--workers W] [--report out.html] [--format text|json]

Simulates N independent clinic sessions of the scenario (providers, rooms, patient classes with
their service times and no-show rates, punctuality, walk-ins, urgent patients) and prints every KPI
with its mean, standard error, 95% confidence interval and percentiles. The same seed always gives
the same numbers.
  --reps N         replications (default 10000)
  --seed S         seed, an integer or a word (default 1)
  --workers W      run the replications on W worker threads (same numbers as on one)
  --report FILE    also write a self-contained HTML report with charts (waiting-time distribution,
                   one session's provider timeline, the booking policies compared)
Exit status: 0 simulated, 1 the scenario has problems (listed with their paths), 2 bad usage or unreadable file.`;


function textReport(result: SimulationResult): string {
  const header = `${'KPI'.padEnd(12)}${'mean'.padStart(10)}${'std.err'.padStart(10)}${'95% CI'.padStart(22)}${'p50'.padStart(9)}${'p90'.padStart(9)}`;
  const lines = KPI_NAMES.map((name) => {
    const s = result.kpis[name];
    const ci = `${s.ci95[0].toFixed(2)} – ${s.ci95[1].toFixed(2)}`;
    return `${name.padEnd(12)}${s.mean.toFixed(2).padStart(10)}${s.standardError.toFixed(3).padStart(10)}${ci.padStart(22)}${(s.percentiles[50] ?? 0).toFixed(2).padStart(9)}${(s.percentiles[90] ?? 0).toFixed(2).padStart(9)}`;
  });
  return `${result.replications} replications, seed ${String(result.seed)}, ${result.engine} engine (minutes per session)\n${header}\n${lines.join('\n')}\n`;
}

function readOptions(values: Readonly<Record<string, unknown>>): { replications: number; seed: number | string; workers: number } | string {
  const workers = typeof values['workers'] === 'string' ? Number(values['workers']) : 0;
  if (!Number.isSafeInteger(workers) || workers < 0 || workers > 256) return `--workers must be an integer from 0 to 256, not '${String(values['workers'])}'`;
  const reps = typeof values['reps'] === 'string' ? Number(values['reps']) : 10_000;
  if (!Number.isSafeInteger(reps) || reps < 1) return `--reps must be a positive integer, not '${String(values['reps'])}'`;
  const seedText = typeof values['seed'] === 'string' ? values['seed'] : '1';
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
    const parsed = parseCommandArgs(argv, { reps: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' }, report: { type: 'string' } });
    if (typeof parsed === 'string') return usageFailure(io, 'schedule simulate', parsed, USAGE);
    if (parsed.help) return (io.out(`${USAGE}\n`), ExitCode.ok);
    const [path] = parsed.positionals;
    if (path === undefined || parsed.positionals.length > 1) return usageFailure(io, 'schedule simulate', 'give one scenario file', USAGE);
    const options = readOptions(parsed.values);
    if (typeof options === 'string') return usageFailure(io, 'schedule simulate', options, USAGE);
    let input: unknown;
    try {
      input = await readJsonFile(io, path);
    } catch (error) {
      io.err(`medoffice schedule simulate: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
    const reportPath = parsed.values['report'];
    if (typeof reportPath === 'string' && (await samePlace(reportPath, path))) return usageFailure(io, 'schedule simulate', `--report ${reportPath} would overwrite the scenario file`, USAGE);
    const data = typeof reportPath === 'string' ? buildSimulationReport(input, options) : undefined;
    const result = data === undefined ? await simulate(input, options) : data.ok ? { ok: true as const, value: data.value.result } : data;
    if (!result.ok) {
      printIssues(result.issues, io, path);
      return ExitCode.findings;
    }
    if (data?.ok === true && typeof reportPath === 'string') {
      try {
        await io.writeText(reportPath, renderSimulationReport(data.value));
      } catch (error) {
        io.err(`medoffice schedule simulate: cannot write the report ${reportPath}: ${writeFailureReason(error)}\n`);
        return ExitCode.usage;
      }
    }
    io.out(parsed.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : textReport(result.value));
    return ExitCode.ok;
  },
};
