import { formatPath, type Issue } from '../core/issue.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes every medoffice command uses. */
export const ExitCode = {
  /** Everything was fine. */
  ok: 0,
  /** The command ran and found problems in the input (e.g. invalid claims). */
  findings: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Output format every command accepts through `--format`. */
export type OutputFormat = 'text' | 'json';

/**
 * How {@link CliIo.writeText} treats a file already at the path.
 *
 * @example
 * ```ts
 * await io.writeText('clinic.json', text, { replace: true });
 * ```
 */
export interface WriteTextOptions {
  /** Replace an existing file (default false: an existing file is an error with code `EEXIST`). */
  readonly replace?: boolean;
}

/** What a command may touch: its output streams and the files it is pointed at. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads a whole file as UTF-8, or standard input when the path is `-`. */
  readonly readText: (path: string) => Promise<string>;
  /**
   * Writes a whole file as UTF-8, never leaving a cut-off file behind: a file already at the path
   * is refused (an error with code `EEXIST`) unless `replace` is set, and then it is swapped for the
   * new one only once that is fully written.
   */
  readonly writeText: (path: string, text: string, options?: WriteTextOptions) => Promise<void>;
  /** Opens a file (or `-` for standard input) as a stream of text chunks. */
  readonly readStream: (path: string) => AsyncIterable<string>;
  /** Today's date in `YYYY-MM-DD` in an IANA zone, or as the user's machine sees it (only the CLI reads the clock). */
  readonly today: (zone?: string) => string;
  /** The current instant as an ISO 8601 date-time to the second, with the offset of an IANA zone or of the user's machine. */
  readonly now: (zone?: string) => string;
}

/** A command or a group of subcommands of the `medoffice` tool. */
export interface CliCommand {
  /** The word that selects it, e.g. `claims`. */
  readonly name: string;
  /** One line for the help listing. */
  readonly summary: string;
  /** Full usage text shown by `--help`. */
  readonly usage: string;
  /** Runs it with the words after its name; resolves to an exit code. */
  readonly run: (argv: readonly string[], io: CliIo) => Promise<ExitCodeValue>;
}

/** Options of `node:util` parseArgs, as a command declares them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommandArgs} returns when the words make sense. */
export interface ParsedCommandArgs {
  /** Option values by name. */
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  /** Words that are not options. */
  readonly positionals: readonly string[];
  /** The chosen `--format`. */
  readonly format: OutputFormat;
  /** True when `--help` was given. */
  readonly help: boolean;
}

/**
 * Parses a command's words with node's `util.parseArgs`, adding `--format text|json` and `--help`,
 * and answering with a message instead of throwing on unknown options.
 *
 * @example
 * ```ts
 * const parsed = parseCommandArgs(['--as-of', '2026-11-02', 'batch.ndjson'], { 'as-of': { type: 'string' } });
 * if (typeof parsed === 'string') console.error(parsed);
 * ```
 */
export function parseCommandArgs(argv: readonly string[], options: CommandOptions): ParsedCommandArgs | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const format = values['format'];
    if (format !== 'text' && format !== 'json') return `--format must be text or json, not '${String(format)}'`;
    return { values, positionals, format, help: values['help'] === true };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Builds a command that dispatches to subcommands (`medoffice schedule slots ...`).
 *
 * @example
 * ```ts
 * const schedule = commandGroup('schedule', 'Availability and booking', [slotsCommand, bookCommand]);
 * ```
 */
export function commandGroup(name: string, summary: string, subcommands: readonly CliCommand[]): CliCommand {
  const usage = [
    `Usage: medoffice ${name} <command> [options]`,
    '',
    summary,
    '',
    'Commands:',
    ...subcommands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    `Run 'medoffice ${name} <command> --help' for a command's options.`,
  ].join('\n');
  return {
    name,
    summary,
    usage,
    run: async (argv, io) => {
      const [word, ...rest] = argv;
      if (word === undefined || word === '--help' || word === '-h') {
        (word === undefined ? io.err : io.out)(`${usage}\n`);
        return word === undefined ? ExitCode.usage : ExitCode.ok;
      }
      const sub = subcommands.find((c) => c.name === word);
      if (sub === undefined) {
        io.err(`medoffice ${name}: unknown command '${word}'\n\n${usage}\n`);
        return ExitCode.usage;
      }
      return sub.run(rest, io);
    },
  };
}

/**
 * Reports bad usage: the message and the command's usage on stderr, answered with exit code 2.
 *
 * @param command - the words that name the command, e.g. `schedule book`
 * @example
 * ```ts
 * if (typeof parsed === 'string') return usageFailure(io, 'claims validate', parsed, USAGE);
 * ```
 */
export function usageFailure(io: CliIo, command: string, message: string, usage: string): typeof ExitCode.usage {
  io.err(`medoffice ${command}: ${message}\n\n${usage}\n`);
  return ExitCode.usage;
}

/**
 * Prints issues on stderr, one a line: `where: severity code at path: message`.
 *
 * @example
 * ```ts
 * printIssues(result.issues, io, 'clinic.json');
 * ```
 */
export function printIssues(issues: readonly Issue[], io: CliIo, where: string): void {
  for (const issue of issues) io.err(`${where}: ${issue.severity} ${issue.code} at ${formatPath(issue.path)}: ${issue.message}\n`);
}
