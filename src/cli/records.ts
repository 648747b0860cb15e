import type { StorageAdapter } from '../records/adapter.js';
import { auditRecordOf, type AuditRecord } from '../records/auditTrail.js';
import { sqliteAdapter } from '../records/adapters/sqlite.js';
import { diffJson } from '../records/diff.js';
import { verifyChain } from '../records/verify.js';
import { documentAt, metaOf, versionFactOf } from '../records/versionFact.js';
import { runSteps } from '../records/steps.js';
import type { VersionMeta } from '../records/versionMeta.js';
import { commandGroup, ExitCode, parseCommandArgs, usageFailure, type CliCommand, type CliIo, type CommandOptions, type ExitCodeValue, type ParsedCommandArgs } from './command.js';

type Action = (adapter: StorageAdapter, parsed: ParsedCommandArgs, io: CliIo) => Promise<ExitCodeValue>;

function subcommand(name: string, summary: string, usage: string, positionals: number, options: CommandOptions, action: Action): CliCommand {
  const fullUsage = `Usage: medoffice records ${usage}\n\n${summary}\nThe database is opened read-only; nothing is written to it.\n`;
  return {
    name,
    summary,
    usage: fullUsage,
    run: async (argv, io) => {
      const parsed = parseCommandArgs(argv, options);
      if (typeof parsed === 'string' || (!parsed.help && parsed.positionals.length !== positionals)) {
        return usageFailure(io, `records ${name}`, typeof parsed === 'string' ? parsed : `expected ${positionals} argument(s)`, fullUsage.trimEnd());
      }
      if (parsed.help) {
        io.out(fullUsage);
        return ExitCode.ok;
      }
      let adapter: StorageAdapter;
      try {
        adapter = await sqliteAdapter({ path: parsed.positionals[0] ?? '', readonly: true });
      } catch (error) {
        io.err(`medoffice records ${name}: cannot open '${parsed.positionals[0] ?? ''}': ${error instanceof Error ? error.message : String(error)}\n`);
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

function recordKey(text: string): string | undefined {
  return /^[A-Za-z][A-Za-z0-9]{0,63}\/[A-Za-z0-9\-.]{1,64}$/.test(text) ? text : undefined;
}

function versionNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
}

function metaLine(meta: VersionMeta): string {
  const extra = [
    meta.onBehalfOf !== undefined ? `for ${meta.onBehalfOf}` : '',
    meta.replacedBy !== undefined ? `replaced by ${meta.replacedBy}` : '',
    meta.replaces !== undefined ? `replaces ${meta.replaces}` : '',
    meta.reason !== undefined ? `"${meta.reason}"` : '',
  ].filter(Boolean);
  return `v${String(meta.version).padEnd(5)} ${meta.at}  ${meta.operation.padEnd(9)} ${meta.state.padEnd(8)} ${meta.author}${extra.length > 0 ? `  ${extra.join('  ')}` : ''}`;
}

const history: Action = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const limit = versionNumber(String(parsed.values['limit'] ?? '50'));
  if (key === undefined || limit === undefined) {
    io.err('medoffice records history: name the record as Type/id (Patient/p1) and --limit as a positive integer\n');
    return ExitCode.usage;
  }
  const rows = await adapter.transact((tx) => tx.history(key, { limit }));
  const metas = rows.flatMap((row) => {
    const fact = versionFactOf(row);
    return fact === undefined ? [] : [metaOf(fact)];
  });
  if (rows.length === 0 || metas.length === 0) {
    io.err(`medoffice records history: ${rows.length === 0 ? 'no versions of' : 'the content was expunged from'} ${key}\n`);
    return ExitCode.findings;
  }
  io.out(parsed.format === 'json' ? `${JSON.stringify(metas, null, 2)}\n` : `${key}: ${rows.length} version(s), newest first\n${metas.map(metaLine).join('\n')}\n`);
  return ExitCode.ok;
};

const diff: Action = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const [from, to] = [parsed.positionals[2], parsed.positionals[3]].map(versionNumber);
  if (key === undefined || from === undefined || to === undefined) {
    io.err('medoffice records diff: usage is diff <db> <Type/id> <fromVersion> <toVersion>, versions being whole numbers from 1\n');
    return ExitCode.usage;
  }
  const ends = await adapter.transact(async (tx) => [await runSteps(documentAt(tx, key, from)), await runSteps(documentAt(tx, key, to))]);
  const [before, after] = ends;
  if (before === undefined || after === undefined) {
    io.err(`medoffice records diff: ${key} has no version ${before === undefined ? from : to}\n`);
    return ExitCode.findings;
  }
  const patch = diffJson(before.document, after.document);
  io.out(parsed.format === 'json' ? `${JSON.stringify(patch, null, 2)}\n` : `${key} v${from} -> v${to}: ${patch.length} operation(s)\n${patch.map((op) => `  ${JSON.stringify(op)}`).join('\n')}\n`);
  return ExitCode.ok;
};

function auditLine(event: AuditRecord): string {
  const extra = [event.version !== undefined ? `v${event.version}` : '', event.onBehalfOf !== undefined ? `for ${event.onBehalfOf}` : '', (event.issues ?? []).join(',')].filter(Boolean);
  return `#${String(event.sequence).padEnd(7)} ${event.at}  ${event.action.padEnd(18)} ${event.outcome.padEnd(7)} ${event.actor} (${event.role}, ${event.purposeOfUse})${extra.length > 0 ? `  ${extra.join('  ')}` : ''}`;
}

const audit: Action = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const limit = versionNumber(String(parsed.values['limit'] ?? '50'));
  if (key === undefined || limit === undefined) {
    io.err('medoffice records audit: name the record as Type/id (Patient/p1) and --limit as a positive integer\n');
    return ExitCode.usage;
  }
  const rows = await adapter.transact((tx) => tx.recentEntries(key, 'audit', { limit }));
  const events = rows.flatMap(auditRecordOf);
  if (events.length === 0) {
    io.err(`medoffice records audit: no audit events for ${key}\n`);
    return ExitCode.findings;
  }
  io.out(parsed.format === 'json' ? `${JSON.stringify(events, null, 2)}\n` : `${key}: ${events.length} audit event(s), newest first\n${events.map(auditLine).join('\n')}\n`);
  return ExitCode.ok;
};

const verify: Action = async (adapter, parsed, io) => {
  const result = await verifyChain(adapter);
  if (parsed.format === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) io.out(`chain intact: ${result.value.entries} entries, head ${result.value.headHash}\n`);
  else io.out(`chain BROKEN at entry ${result.issues[0]?.sequence ?? '?'}: ${result.issues[0]?.message ?? ''}\n`);
  return result.ok ? ExitCode.ok : ExitCode.findings;
};

const exportChain: Action = async (adapter, parsed, io) => {
  const lines: string[] = [];
  for (let from = 1; ; from += 5000) {
    const page = await adapter.scan(from, 5000);
    for (const row of page) lines.push(JSON.stringify(row));
    if (page.length < 5000) break;
  }
  const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const out = parsed.values['out'];
  if (typeof out === 'string') await io.writeText(out, text);
  else io.out(text);
  if (typeof out === 'string') io.err(`exported ${lines.length} entries to ${out}\n`);
  return ExitCode.ok;
};

/**
 * `medoffice records history|diff|audit|verify|export` over a SQLite records database (read-only).
 *
 * @example
 * ```ts
 * await recordsCommand.run(['verify', 'clinic-records.db'], nodeIo());
 * ```
 */
export const recordsCommand: CliCommand = commandGroup('records', 'Versioned patient records in a SQLite file: history, diffs, audit trail, verification, export', [
  subcommand('history', 'List a record\'s versions, newest first', 'history <db> <Type/id> [--limit N] [--format text|json]', 2, { limit: { type: 'string' } }, history),
  subcommand('diff', 'Show the JSON Patch between two versions', 'diff <db> <Type/id> <from> <to> [--format text|json]', 4, {}, diff),
  subcommand('audit', 'List who read or changed a record, newest first', 'audit <db> <Type/id> [--limit N] [--format text|json]', 2, { limit: { type: 'string' } }, audit),
  subcommand('verify', 'Verify the hash chain; exit 1 naming the first broken entry', 'verify <db> [--format text|json]', 1, {}, verify),
  subcommand('export', 'Write every chain entry as NDJSON', 'export <db> [--out file.ndjson]', 1, { out: { type: 'string' } }, exportChain),
]);
