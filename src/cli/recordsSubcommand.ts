import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { StorageAdapter } from '../records/adapter.js';
import { sqliteAdapter } from '../records/adapters/sqlite.js';
import { ExitCode, parseCommandArgs, usageFailure, type CliCommand, type CliIo, type CommandOptions, type ExitCodeValue, type ParsedCommandArgs } from './command.js';

/**
 * What a `medoffice records` subcommand does with the opened database.
 *
 * @example
 * ```ts
 * const verify: RecordsAction = async (adapter, parsed, io) => ExitCode.ok;
 * ```
 */
export type RecordsAction = (adapter: StorageAdapter, parsed: ParsedCommandArgs, io: CliIo) => Promise<ExitCodeValue>;

/**
 * How a `medoffice records` subcommand is called: its name, help and arguments.
 *
 * @example
 * ```ts
 * const spec: RecordsSubcommand = { name: 'verify', summary: 'Verify the chain', usage: 'verify <db>', positionals: 1, options: {} };
 * ```
 */
export interface RecordsSubcommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly details?: string;
  readonly positionals: number;
  readonly options: CommandOptions;
}

/** Why a database could not be opened, in words that say what to do about it. */
async function openFailure(path: string, error: unknown): Promise<string> {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  const found = await stat(path).catch(() => undefined);
  if (found === undefined) return `cannot open '${path}': no such file`;
  if (found.isDirectory() || code === 'SQLITE_NOTADB' || code === 'SQLITE_ERROR') return `'${path}' is not a medoffice records database`;
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    const readable = await access(path, constants.R_OK).then(() => true, () => false);
    return readable
      ? `cannot open '${path}' read-only: SQLite needs to create '${path}-shm' beside it; copy the file to a writable folder`
      : `cannot open '${path}': permission denied`;
  }
  return `cannot open '${path}': ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * A `medoffice records` subcommand: parses its arguments, opens the SQLite database read-only (saying
 * plainly why it cannot), runs the action and closes the database.
 *
 * @param spec - name, help and arguments
 * @param action - what it does with the database
 * @returns the command
 * @example
 * ```ts
 * const command = recordsSubcommand({ name: 'verify', summary: 'Verify', usage: 'verify <db>', positionals: 1, options: {} }, verify);
 * ```
 */
export function recordsSubcommand(spec: RecordsSubcommand, action: RecordsAction): CliCommand {
  const details = spec.details === undefined ? '' : `\n${spec.details}\n`;
  const fullUsage = `Usage: medoffice records ${spec.usage}\n\n${spec.summary}\nThe database is opened read-only; nothing is written to it, so what this command reads leaves no audit event:\ncontrol who can read the file.\n${details}`;
  return {
    name: spec.name,
    summary: spec.summary,
    usage: fullUsage,
    run: async (argv, io) => {
      const parsed = parseCommandArgs(argv, spec.options);
      if (typeof parsed === 'string' || (!parsed.help && parsed.positionals.length !== spec.positionals)) {
        return usageFailure(io, `records ${spec.name}`, typeof parsed === 'string' ? parsed : `expected ${spec.positionals} argument(s)`, fullUsage.trimEnd());
      }
      if (parsed.help) {
        io.out(fullUsage);
        return ExitCode.ok;
      }
      const path = parsed.positionals[0] ?? '';
      let adapter: StorageAdapter;
      try {
        adapter = await sqliteAdapter({ path, readonly: true });
      } catch (error) {
        io.err(`medoffice records ${spec.name}: ${await openFailure(path, error)}\n`);
        return ExitCode.usage;
      }
      try {
        return await action(adapter, parsed, io);
      } finally {
        await adapter.close();
      }
    },
  };
}
