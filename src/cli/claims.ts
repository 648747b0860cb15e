import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { match } from 'ts-pattern';
import { InputFileError, readFailure as describeReadFailure, readInputText } from './readInput.js';
import {
  explainCode,
  loadHcpcsAnweb,
  loadNcciAddOn,
  loadNcciMue,
  loadNcciPtp,
  mergeAddOnTables,
  mergeMueTables,
  mergePtpTables,
  newestNcciRelease,
  validateClaims,
  bundledIcd10Tables,
  type AddOnTable,
  type BatchClaimReport,
  type ClaimSource,
  type ClaimTables,
  type CodeExplanation,
  type Icd10Explanation,
  type MueTable,
  type ProcedureExplanation,
  type PtpTable,
} from '../claims/index.js';
import { dayNumber, isoDate } from '../claims/icd10cm/calendarDays.js';
import { codeSetOn } from '../claims/icd10cm/inForce.js';
import { formatPath } from '../core/issue.js';
import { isIsoDate } from '../core/time.js';
import { commandGroup, ExitCode, parseCommandArgs, usageFailure, type CliCommand, type CliIo } from './command.js';

const VALIDATE_USAGE = `Usage: medoffice claims validate <file|-> [--as-of DATE] [--format text|json] [--ncci DIR] [--hcpcs FILE]

Validates professional claims: a .json array or object, .ndjson (one claim per line), or an X12 837P
interchange (.837, .x12, .edi, .txt starting with ISA). Standard input (-) is sniffed.
  --as-of DATE   the day of checking, for future dates and timely filing (default: today)
  --ncci DIR     a folder of CMS NCCI files: PTP (*ccipra*, *ptp*; every part of the newest release,
                 vNNNrN in the name, replaces older ones), MUE (*mue*, in force from the
                 _Eff_MM-DD-YYYY date in its name, else always), add-on (*addon*, *aoc*)
  --hcpcs FILE   the CMS HCPCS ANWEB file (codes and modifiers with their dates)
Exit status: 0 all claims valid, 1 some claim invalid or an X12 envelope problem, 2 bad usage or
unreadable input.`;

const CODE_USAGE = `Usage: medoffice claims code <code> [--date DATE] [--format text|json]

Explains a code on a date of service: an ICD-10-CM code (billable or header, description, children,
dates), a procedure code's format class (CPT category or HCPCS Level II), or a place of service.
A HCPCS Level II code that is also an ICD-10-CM code without its dot (J0131, J01.31) gets both
readings (kind "ambiguous" in JSON); write a diagnosis with its dot to ask for it alone.
  --date DATE    the date of service (default: today)
Exit status: 0 explained, 1 the code is none of these on that date, 2 bad usage, or a code shaped
like a diagnosis on a date no ICD-10-CM code set covers, so it could not be looked up (said as
such, with the dates covered; kind "no-code-set" in JSON).`;

class InputError extends Error {}

const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Validate claims from JSON, NDJSON or X12 837P',
  usage: VALIDATE_USAGE,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, { 'as-of': { type: 'string' }, ncci: { type: 'string' }, hcpcs: { type: 'string' } });
    if (typeof parsed !== 'string' && parsed.help) return (io.out(`${VALIDATE_USAGE}\n`), ExitCode.ok);
    if (typeof parsed === 'string' || parsed.positionals.length !== 1) return usageFailure(io, 'claims validate', typeof parsed === 'string' ? parsed : 'give one file (or -)', VALIDATE_USAGE);
    const asOf = typeof parsed.values['as-of'] === 'string' ? parsed.values['as-of'] : io.today();
    if (!isIsoDate(asOf)) return usageFailure(io, 'claims validate', `--as-of must be a calendar date YYYY-MM-DD, not '${asOf}'`, VALIDATE_USAGE);
    let printer: FindingsPrinter | undefined;
    try {
      const tables = await loadTables(io, parsed.values['ncci'], parsed.values['hcpcs']);
      const source = await sourceOf(io, parsed.positionals[0] ?? '-');
      const tally: Tally = { claims: 0, valid: 0, envelopeProblems: 0, codes: new Map() };
      printer = findingsPrinter(io, parsed.format === 'json' ? 'json' : 'text');
      // Findings before the first claim wait: input holding no claim at all is refused, with nothing printed.
      const waiting: BatchClaimReport[] = [];
      for await (const report of validateClaims(source, { asOf, tables })) {
        count(tally, report);
        if (tally.claims > 0) for (const early of waiting.splice(0)) printer.report(early);
        if (report.issues.length === 0) continue;
        if (tally.claims === 0) waiting.push(report);
        else printer.report(report);
      }
      if (tally.claims === 0) {
        const why = waiting[0]?.issues[0]?.message;
        throw new InputError(`${parsed.positionals[0] ?? '-'} holds no claims${why === undefined ? '' : ` (${why})`}`);
      }
      const summary = summarize(tally);
      printer.end(summary);
      return summary.invalid > 0 || summary.envelopeProblems > 0 ? ExitCode.findings : ExitCode.ok;
    } catch (error) {
      const failure = readFailure(error, parsed.positionals[0] ?? '-');
      printer?.abort(failure);
      io.err(`medoffice claims validate: ${failure}\n`);
      return ExitCode.usage;
    }
  },
};

const codeCommand: CliCommand = {
  name: 'code',
  summary: 'Explain an ICD-10-CM, procedure or place-of-service code on a date',
  usage: CODE_USAGE,
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, { date: { type: 'string' } });
    if (typeof parsed !== 'string' && parsed.help) return (io.out(`${CODE_USAGE}\n`), ExitCode.ok);
    if (typeof parsed === 'string' || parsed.positionals.length !== 1) return usageFailure(io, 'claims code', typeof parsed === 'string' ? parsed : 'give one code', CODE_USAGE);
    const date = typeof parsed.values['date'] === 'string' ? parsed.values['date'] : io.today();
    if (!isIsoDate(date)) return usageFailure(io, 'claims code', `--date must be a calendar date YYYY-MM-DD, not '${date}'`, CODE_USAGE);
    const answer = codeAnswer(parsed.positionals[0] ?? '', date);
    io.out(parsed.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : `${explanationText(answer, date)}\n`);
    return answer.kind === 'unknown' ? ExitCode.findings : answer.kind === 'no-code-set' ? ExitCode.usage : ExitCode.ok;
  },
};

/** What `claims code` answers: the library's explanation, or that no ICD-10-CM code set covers the date. */
type CodeAnswer = CodeExplanation | { readonly kind: 'no-code-set'; readonly code: string; readonly date: string; readonly covered: readonly { from: string; to: string }[] };

/** The shape of an ICD-10-CM code: a letter, then 2 to 6 letters or digits, any dot after the third character. */
const ICD10_SHAPE = /^[A-Z][0-9A-Z]{2}(\.?[0-9A-Z]{1,4})?$/;

/**
 * Explains a code, first checking that an ICD-10-CM code set covers the date: a code shaped like a
 * diagnosis that is nothing else is then "not looked up", never "unknown".
 */
function codeAnswer(code: string, date: string): CodeAnswer {
  const tables = bundledIcd10Tables();
  const day = dayNumber(date);
  const covered = day !== undefined && codeSetOn(tables, day) !== undefined;
  const explained = explainCode(code, date);
  if (covered || explained.kind !== 'unknown' || !ICD10_SHAPE.test(code.trim().toUpperCase())) return explained;
  return { kind: 'no-code-set', code, date, covered: tables.codeSets.map((set) => ({ from: isoDate(set.from), to: isoDate(set.to) })) };
}

/**
 * The `medoffice claims` command group: `validate` and `code`.
 *
 * @example
 * ```ts
 * await claimsCommand.run(['validate', 'batch.ndjson', '--as-of', '2026-11-02'], io);
 * ```
 */
export const claimsCommand: CliCommand = commandGroup('claims', 'Validate professional claims and explain codes', [validateCommand, codeCommand]);


async function sourceOf(io: CliIo, path: string): Promise<ClaimSource> {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (extension === 'ndjson' || extension === 'jsonl') return { ndjson: io.readStream(path) };
  if (['837', 'x12', 'edi'].includes(extension)) return { x12: io.readStream(path) };
  const read = await io.readText(path);
  const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
  const start = text.trimStart();
  if (start === '') throw new InputError(`${path} is empty`);
  if (start.startsWith('ISA')) return { x12: text };
  // A single object may be pretty-printed over many lines: whole-text JSON first, NDJSON if that fails.
  if (extension === 'json' || start.startsWith('[') || start.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value : [value];
    } catch (error) {
      if (extension === 'json') throw new InputError(`${path} is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`);
    }
  }
  if (start.startsWith('{')) return { ndjson: text };
  throw new InputError(`${path} is neither JSON, NDJSON nor an X12 interchange starting with ISA`);
}

async function loadTables(io: CliIo, ncci: unknown, hcpcs: unknown): Promise<ClaimTables> {
  const tables: { -readonly [K in keyof ClaimTables]: ClaimTables[K] } = {};
  if (typeof hcpcs === 'string') tables.hcpcs = loaded(loadHcpcsAnweb(await readInputText(io, hcpcs)), hcpcs);
  if (typeof ncci !== 'string') return tables;
  // CMS splits one release's PTP edits over several files (ccipra-v322r0-f1 … f4): every part is kept.
  const ptps: PtpTable[] = [];
  const addOns: AddOnTable[] = [];
  const mues: MueTable[] = [];
  const names = await readdir(ncci).catch((error: unknown) => {
    const code = (error as { code?: unknown } | undefined)?.code;
    throw new InputFileError(code === 'ENOTDIR' ? `${ncci} is not a folder (--ncci names the folder of NCCI files)` : describeReadFailure(error, ncci));
  });
  const isPtp = (name: string): boolean => /ccipra|ccinra|ptp/i.test(name);
  // Each PTP release replaces the one before in full: older releases' files would bring back deleted edits.
  const ptpFiles = newestNcciRelease(names.filter(isPtp).sort());
  if (ptpFiles.replaced.length > 0) io.err(`medoffice claims validate: using PTP release v${ptpFiles.release?.version}r${ptpFiles.release?.revision}; older releases left out: ${ptpFiles.replaced.join(', ')}\n`);
  for (const name of ptpFiles.kept) {
    const path = join(ncci, name);
    ptps.push(loaded(loadNcciPtp(await readInputText(io, path)), path));
  }
  for (const name of names.filter((name) => !isPtp(name)).sort()) {
    const path = join(ncci, name);
    if (/add.?on|aoc/i.test(name)) addOns.push(loaded(loadNcciAddOn(await readInputText(io, path)), path));
    // Professional claims are edited with the practitioner MUE table; the DME supplier and outpatient
    // hospital tables of the same quarter would otherwise hide its limits.
    else if (/mue/i.test(name) && !/dme|outpatient|hospital|facility/i.test(name)) mues.push(loaded(loadNcciMue(await readInputText(io, path), { from: mueStart(name) ?? '0001-01-01' }), path));
  }
  if (ptps.length > 0) tables.ptp = mergePtpTables(...ptps);
  if (addOns.length > 0) tables.addOn = mergeAddOnTables(...addOns);
  if (mues.length > 0) tables.mue = mergeMueTables(...mues);
  if (ptps.length + addOns.length + mues.length === 0) throw new InputError(`${ncci} holds no NCCI PTP (*ccipra*, *ptp*), MUE (*mue*) or add-on (*addon*, *aoc*) file`);
  return tables;
}

/** A person's account of why the input could not be read (file-system codes spelled out). */
function readFailure(error: unknown, input: string): string {
  if (error instanceof InputError || error instanceof InputFileError) return error.message;
  const path = typeof error === 'object' && error !== null ? (error as { path?: unknown }).path : undefined;
  return describeReadFailure(error, typeof path === 'string' ? path : input);
}

function mueStart(name: string): string | undefined {
  const found = /Eff_(\d{2})-(\d{2})-(\d{4})/i.exec(name);
  return found === null ? undefined : `${found[3]}-${found[1]}-${found[2]}`;
}

function loaded<T>(checked: { ok: true; value: T } | { ok: false; issues: readonly { message: string }[] }, path: string): T {
  if (checked.ok) return checked.value;
  throw new InputError(`${path}: ${checked.issues.map((i) => i.message).join('; ')}`);
}

/** What the command keeps of a batch: counts only (each report with findings is printed as it comes). */
interface Tally {
  claims: number;
  valid: number;
  envelopeProblems: number;
  readonly codes: Map<string, number>;
}

interface Summary {
  readonly claims: number;
  readonly valid: number;
  readonly invalid: number;
  /** Reports about the X12 envelope rather than a claim (not counted among the claims). */
  readonly envelopeProblems: number;
  readonly topIssues: readonly { code: string; count: number }[];
}

function count(tally: Tally, report: BatchClaimReport): void {
  if (report.envelope === true) tally.envelopeProblems++;
  else tally.claims++;
  if (report.valid && report.envelope !== true) tally.valid++;
  for (const found of report.issues) tally.codes.set(found.code, (tally.codes.get(found.code) ?? 0) + 1);
}

function summarize(tally: Tally): Summary {
  const topIssues = [...tally.codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([code, n]) => ({ code, count: n }));
  return { claims: tally.claims, valid: tally.valid, invalid: tally.claims - tally.valid, envelopeProblems: tally.envelopeProblems, topIssues };
}

/** Writes a batch's findings as they come; `abort` ends the output when reading fails part-way. */
interface FindingsPrinter {
  report(report: BatchClaimReport): void;
  end(summary: Summary): void;
  abort(failure: string): void;
}

/**
 * Prints each report with findings as it comes, then the summary, so that a batch of any size is
 * never held in memory: as text, each claim's findings (a blank line after each) and then the
 * counts; as JSON, one object `{ "reports": [...], "summary": {...} }` written a report at a time.
 * When the input cannot be read to its end after reports were printed, the JSON object is closed
 * with `"error"` (why) and `"summary": null`, so standard output is still one JSON document.
 */
function findingsPrinter(io: CliIo, format: 'text' | 'json'): FindingsPrinter {
  let printed = 0;
  return format === 'json'
    ? {
        report: (report) => io.out(`${printed++ === 0 ? '{\n  "reports": [\n' : ',\n'}${indent(JSON.stringify(report, null, 2), '    ')}`),
        end: (summary) => io.out(`${printed === 0 ? '{\n  "reports": []' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ').trimStart()}\n}\n`),
        abort: (failure) => {
          if (printed > 0) io.out(`\n  ],\n  "error": ${JSON.stringify(failure)},\n  "summary": null\n}\n`);
        },
      }
    : {
        report: (report) => io.out(`${reportText(report)}\n\n`),
        end: (summary) => io.out(`${summaryText(summary)}\n`),
        abort: () => undefined,
      };
}

function indent(text: string, by: string): string {
  return text.replace(/^/gm, by);
}

function summaryText(summary: Summary): string {
  const envelope = summary.envelopeProblems > 0 ? `   envelope problems ${summary.envelopeProblems}` : '';
  const lines = [`claims ${summary.claims}   valid ${summary.valid}   invalid ${summary.invalid}${envelope}`];
  if (summary.topIssues.length > 0) lines.push(`most frequent: ${summary.topIssues.map((t) => `${t.code} ×${t.count}`).join(', ')}`);
  return lines.join('\n');
}

function reportText(report: BatchClaimReport): string {
  const lines = [`${report.envelope === true ? '(envelope)' : (report.claimId ?? '(unreadable)')}  ${report.place}  ${report.envelope === true ? 'PROBLEM' : report.valid ? 'valid, with warnings' : 'INVALID'}`];
  report.issues.forEach((found, i) => {
    const at = report.locations?.[i];
    const segment = at === undefined || found.source?.startsWith('X12') === true ? '' : `  [X12 ${at.segment} (segment ${at.position}${at.element === undefined ? '' : `, element ${at.element}`})]`;
    lines.push(`  ${found.severity.padEnd(7)} ${found.code.padEnd(28)} ${formatPath(found.path).padEnd(30)} ${found.message}${found.source === undefined ? '' : `  [${found.source}]`}${segment}`);
  });
  return lines.join('\n');
}

function explanationText(explained: CodeAnswer, date: string): string {
  return match(explained)
    .with({ kind: 'icd10' }, (icd10) => icd10Text(icd10, date))
    .with({ kind: 'procedure' }, (procedure) => procedureText(procedure))
    .with({ kind: 'ambiguous' }, ({ code, procedure, icd10 }) =>
      [
        `${code}: two readings; a diagnosis written with its dot (${icd10.lookup.code}) is read as a diagnosis alone`,
        `as a procedure: ${procedureText(procedure)}`,
        `as a diagnosis: ${icd10Text(icd10, date)}`,
      ].join('\n'),
    )
    .with({ kind: 'place-of-service' }, ({ place }) => `${place.code}  place of service: ${place.name}${place.effective === undefined ? '' : ` (from ${place.effective})`}`)
    .with({ kind: 'unknown' }, ({ code }) => `${code}: not an ICD-10-CM code in force on ${date}, a procedure code or a place of service`)
    .with({ kind: 'no-code-set' }, ({ code, covered }) => `${code}: not looked up as a diagnosis: no ICD-10-CM code set covers ${date} (covered: ${covered.map((c) => `${c.from} to ${c.to}`).join(', ') || 'none'}); it is not a procedure code or a place of service`)
    .exhaustive();
}

function icd10Text({ lookup, children }: Icd10Explanation, date: string): string {
  return [
    `${lookup.code}  ICD-10-CM ${lookup.billable ? 'billable code' : 'header (not billable)'} on ${date}, FY${lookup.fiscalYear}`,
    ...(lookup.description === undefined ? [] : [`  ${lookup.description}`]),
    `  in force ${lookup.effectiveFrom} to ${lookup.effectiveTo ?? 'now'}  [${lookup.source}]`,
    ...(lookup.mceFlags.length > 0 ? [`  MCE edits: ${lookup.mceFlags.join(', ')}`] : []),
    ...(children.length > 0 ? [`  bill one of its ${children.length} codes:`, ...children.slice(0, 20).map((c) => `    ${c.code}  ${c.description ?? ''}`), ...(children.length > 20 ? [`    … and ${children.length - 20} more`] : [])] : []),
  ].join('\n');
}

function procedureText({ code, format, description }: ProcedureExplanation): string {
  return `${code}  ${description} (format only${format === 'hcpcs-level-2' ? ': load the CMS HCPCS file for its description and dates' : ': CPT descriptors are licensed by the AMA'})`;
}
