import { auditRecordOf, type AuditRecord } from '../records/auditTrail.js';
import { markAmended } from '../records/amendmentLinks.js';
import { amendmentsOfRows } from '../records/amendmentEvents.js';
import { correctionsOfRows, markCorrected } from '../records/corrections.js';
import { diffJson } from '../records/diff.js';
import { verifyChain } from '../records/verify.js';
import { metaOf, versionFactOf } from '../records/versionFact.js';
import type { VersionMeta } from '../records/versionMeta.js';
import { commandGroup, ExitCode, type CliCommand, type CliIo, type CommandOptions, type ExitCodeValue } from './command.js';
import { writeOutputFile } from './outputFile.js';
import { allEntries, rebuild, unreadableEntry } from './recordEntries.js';
import { recordsSubcommand, type RecordsAction } from './recordsSubcommand.js';
import { wholeNumberOption } from './wholeNumberOption.js';

function recordKey(text: string): string | undefined {
  return /^[A-Za-z][A-Za-z0-9]{0,63}\/[A-Za-z0-9\-.]{1,64}$/.test(text) ? text : undefined;
}

function versionNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : wholeNumberOption(text, 1, 999_999_999);
}

function findings(io: CliIo, command: string, message: string): ExitCodeValue {
  io.err(`medoffice records ${command}: ${message}\n`);
  return ExitCode.findings;
}

// Characters that could break a line, rewrite the terminal or reorder what it shows: C0 and C1
// controls, DEL, the Unicode line and paragraph separators, and the bidirectional controls.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, and a quote or a backslash, which a quoted text escapes: a text holding any of them is shown quoted.
const NEEDS_QUOTES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/;

/** A text with every character that is not safe to print written as a `\u` escape. */
function escaped(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A stored text as a JSON string literal, with every character that is not safe to print escaped (`\n`, `\u001b`). */
function quoted(text: string): string {
  return escaped(JSON.stringify(text));
}

/**
 * A stored text for a line of text output: as it is when it holds only printable characters, else
 * quoted (then also when it holds a quote or a backslash), so no stored text can break a line, forge
 * another one or send the terminal an escape sequence.
 */
function shown(text: string): string {
  return NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

function metaLine(meta: VersionMeta): string {
  const extra = [
    meta.onBehalfOf !== undefined ? `for ${shown(meta.onBehalfOf)}` : '',
    meta.replacedBy !== undefined ? `replaced by ${shown(meta.replacedBy)}` : '',
    meta.replaces !== undefined ? `replaces ${shown(meta.replaces)}` : '',
    meta.correctedBy !== undefined ? `entered in error, corrected by v${shown(String(meta.correctedBy))}` : '',
    ...(meta.amendments ?? []).map((a) => `amendment ${shown(a.id)} ${shown(a.status)}${a.disagreement === true ? ', disagreement filed' : ''}`),
    meta.reason !== undefined ? quoted(meta.reason) : '',
  ].filter(Boolean);
  return `v${shown(String(meta.version)).padEnd(5)} ${shown(meta.at)}  ${shown(meta.operation).padEnd(9)} ${shown(meta.state).padEnd(8)} ${shown(meta.author)}${extra.length > 0 ? `  ${extra.join('  ')}` : ''}`;
}

const history: RecordsAction = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const limit = versionNumber(String(parsed.values['limit'] ?? '50'));
  if (key === undefined || limit === undefined) {
    io.err('medoffice records history: name the record as Type/id (Patient/p1) and --limit as a positive integer\n');
    return ExitCode.usage;
  }
  const { rows, fixes, amendments } = await adapter.transact(async (tx) => ({
    rows: await tx.history(key, { limit }),
    fixes: await tx.entriesOf(key, 'correction'),
    amendments: await tx.entriesOf(key, 'amendment'),
  }));
  const bad = unreadableEntry(key, [...rows, ...fixes, ...amendments]);
  if (bad !== undefined) return findings(io, 'history', bad);
  // Marked as the store's history marks them: a version a correction names is entered in error, and
  // a version amendment requests concern links them.
  const metas = markAmended(markCorrected(rows.flatMap((row) => {
    const fact = versionFactOf(row);
    return fact === undefined ? [] : [metaOf(fact)];
  }), correctionsOfRows(fixes)), amendmentsOfRows(amendments));
  if (rows.length === 0 || metas.length === 0) {
    io.err(`medoffice records history: ${rows.length === 0 ? 'no versions of' : 'the content was expunged from'} ${key}\n`);
    return ExitCode.findings;
  }
  const newest = rows[0]?.version ?? rows.length;
  const header = rows.length < newest ? `newest ${rows.length} of ${newest} versions` : `${rows.length} version(s), newest first`;
  io.out(parsed.format === 'json' ? `${JSON.stringify(metas, null, 2)}\n` : `${key}: ${header}\n${metas.map(metaLine).join('\n')}\n`);
  return ExitCode.ok;
};

const diff: RecordsAction = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const [from, to] = [parsed.positionals[2], parsed.positionals[3]].map(versionNumber);
  if (key === undefined || from === undefined || to === undefined) {
    io.err('medoffice records diff: usage is diff <db> <Type/id> <fromVersion> <toVersion>, versions being whole numbers from 1 to 999999999\n');
    return ExitCode.usage;
  }
  const { before, after } = await adapter.transact(async (tx) => ({ before: await rebuild(tx, key, from), after: await rebuild(tx, key, to) }));
  if ('problem' in before) return findings(io, 'diff', before.problem);
  if ('problem' in after) return findings(io, 'diff', after.problem);
  const patch = diffJson(before.document, after.document);
  io.out(parsed.format === 'json' ? `${JSON.stringify(patch, null, 2)}\n` : `${key} v${from} -> v${to}: ${patch.length} operation(s)\n${patch.map((op) => `  ${escaped(JSON.stringify(op))}`).join('\n')}\n`);
  return ExitCode.ok;
};

function auditLine(event: AuditRecord): string {
  const extra = [event.version !== undefined ? `v${shown(String(event.version))}` : '', event.onBehalfOf !== undefined ? `for ${shown(event.onBehalfOf)}` : '', (event.issues ?? []).map(shown).join(',')].filter(Boolean);
  const who = `${shown(event.actor)} (${shown(event.role)}, ${shown(event.purposeOfUse)})`;
  return `#${String(event.sequence).padEnd(7)} ${shown(event.at)}  ${shown(event.action).padEnd(18)} ${shown(event.outcome).padEnd(7)} ${who}${extra.length > 0 ? `  ${extra.join('  ')}` : ''}`;
}

const audit: RecordsAction = async (adapter, parsed, io) => {
  const key = recordKey(parsed.positionals[1] ?? '');
  const limit = versionNumber(String(parsed.values['limit'] ?? '50'));
  if (key === undefined || limit === undefined) {
    io.err('medoffice records audit: name the record as Type/id (Patient/p1) and --limit as a positive integer\n');
    return ExitCode.usage;
  }
  const found = await adapter.transact((tx) => tx.recentEntries(key, 'audit', { limit: limit + 1 }));
  const rows = found.slice(0, limit);
  const bad = unreadableEntry(key, rows);
  if (bad !== undefined) return findings(io, 'audit', bad);
  const events = rows.flatMap(auditRecordOf);
  if (events.length === 0) {
    io.err(`medoffice records audit: no audit events for ${key}\n`);
    return ExitCode.findings;
  }
  const header = found.length > limit ? `newest ${events.length} audit event(s); older ones not shown` : `${events.length} audit event(s), newest first`;
  io.out(parsed.format === 'json' ? `${JSON.stringify(events, null, 2)}\n` : `${key}: ${header}\n${events.map(auditLine).join('\n')}\n`);
  return ExitCode.ok;
};

const verify: RecordsAction = async (adapter, parsed, io) => {
  const result = await verifyChain(adapter);
  if (parsed.format === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) io.out(`chain intact: ${result.value.entries} entries, head ${result.value.headHash}\n`);
  else io.out(`chain BROKEN at entry ${result.issues[0]?.sequence ?? '?'}: ${escaped(result.issues[0]?.message ?? '')}\n`);
  return result.ok ? ExitCode.ok : ExitCode.findings;
};

const exportChain: RecordsAction = async (adapter, parsed, io) => {
  const out = parsed.values['out'];
  if (parsed.values['force'] === true && typeof out !== 'string') {
    io.err('medoffice records export: --force only applies with --out\n');
    return ExitCode.usage;
  }
  if (out === '-') {
    io.err(`medoffice records export: --out needs a file name, not '${out}' (without --out the export goes to standard output)\n`);
    return ExitCode.usage;
  }
  const rows = await allEntries(adapter);
  const text = parsed.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  if (typeof out !== 'string') {
    io.out(text);
    return ExitCode.ok;
  }
  const db = parsed.positionals[0] ?? '';
  const issue = await writeOutputFile(out, text, { force: parsed.values['force'] === true, inputs: [db, `${db}-wal`, `${db}-shm`, `${db}-journal`] });
  io.err(issue === undefined ? `exported ${rows.length} entries to ${out}\n` : `medoffice records export: ${issue.message}\n`);
  return issue === undefined ? ExitCode.ok : ExitCode.usage;
};

const limitOption: CommandOptions = { limit: { type: 'string' } };

/**
 * `medoffice records history|diff|audit|verify|export` over a SQLite records database, opened read-only (so
 * what the commands read leaves no audit event).
 *
 * @example
 * ```ts
 * await recordsCommand.run(['verify', 'clinic-records.db'], nodeIo());
 * ```
 */
export const recordsCommand: CliCommand = commandGroup('records', 'Versioned patient records in a SQLite file: history, diffs, audit trail, verification, export', [
  recordsSubcommand({ name: 'history', summary: 'List a record\'s versions, newest first', usage: 'history <db> <Type/id> [--limit N] [--format text|json]', positionals: 2, options: limitOption }, history),
  recordsSubcommand({ name: 'diff', summary: 'Show the JSON Patch between two versions', usage: 'diff <db> <Type/id> <from> <to> [--format text|json]', positionals: 4, options: {} }, diff),
  recordsSubcommand({ name: 'audit', summary: 'List who read or changed a record, newest first', usage: 'audit <db> <Type/id> [--limit N] [--format text|json]', positionals: 2, options: limitOption }, audit),
  recordsSubcommand({ name: 'verify', summary: 'Verify the hash chain; exit 1 naming the first broken entry', usage: 'verify <db> [--format text|json]', positionals: 1, options: {} }, verify),
  recordsSubcommand({
    name: 'export',
    summary: 'Write every chain entry as NDJSON',
    usage: 'export <db> [--out file.ndjson [--force]] [--format text|json]',
    details: [
      '  --out FILE     write to FILE instead of standard output; never the database itself or its side files',
      '  --force        replace FILE if it already exists (without it an existing FILE is left alone and the export fails)',
      '  --format json  one JSON array instead of NDJSON (one entry a line)',
    ].join('\n'),
    positionals: 1,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  }, exportChain),
]);
