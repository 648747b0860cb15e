import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read837p, validateClaim } from '../src/claims/index.js';
import { createRng, type Rng } from '../src/core/random.js';
import { build837p, type SampleClaim } from '../test/claims/x12/build837p.js';
import { compare, measure, measureAsync, report } from './harness.js';

// Real FY2026 billable ICD-10-CM codes seen every day in primary care.
const DIAGNOSES = [
  'E11.9', 'I10', 'E78.5', 'E78.2', 'J45.909', 'K21.9', 'M54.50', 'F41.1', 'F32.A', 'G47.33', 'N39.0', 'R51.9', 'Z00.00', 'Z00.01',
  'E66.9', 'E03.9', 'J06.9', 'J02.9', 'J20.9', 'R05.9', 'M25.561', 'M17.11', 'E55.9', 'D64.9', 'I25.10', 'I48.91', 'N18.30', 'E11.65',
  'E11.22', 'Z23', 'Z12.31', 'Z79.4', 'Z79.899', 'R73.03', 'K59.00', 'L30.9', 'H10.9', 'B34.9', 'R10.9', 'M79.10',
];
const VISITS = [['99213', 9_500], ['99214', 14_000], ['99204', 19_000], ['36415', 1_000], ['85025', 1_100], ['80053', 1_500], ['81002', 500], ['93000', 2_500], ['G0439', 17_500], ['90471', 2_500], ['90686', 2_200], ['3074F', 0]] as const;
const MISTAKES = ['npi', 'pointer', 'total', 'pos', 'procedure', 'modifier'] as const;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

function generateClaim(rng: Rng, index: number): SampleClaim {
  const diagnoses = [...new Set(Array.from({ length: 1 + rng.int(12) }, () => pick(rng, DIAGNOSES)))];
  const day = `2026-10-${String(1 + rng.int(28)).padStart(2, '0')}`;
  const lines = Array.from({ length: 1 + rng.int(6) }, (_, i) => {
    const [procedure, chargeCents] = VISITS[(rng.int(VISITS.length) + i) % VISITS.length] as readonly [string, number];
    return { procedure, units: 1, chargeCents, serviceDate: day, diagnosisPointers: [1 + rng.int(diagnoses.length)], modifiers: i === 0 && rng.float() < 0.3 ? ['25'] : [] };
  });
  const unique = lines.filter((l, i) => lines.findIndex((o) => o.procedure === l.procedure) === i);
  const claim = {
    id: `C-${index}`,
    billingProvider: { npi: '1234567893', taxId: '123456789', taxonomy: '207Q00000X' },
    renderingProvider: { npi: '1234567893' },
    patient: { birthDate: `19${50 + rng.int(45)}-0${1 + rng.int(9)}-1${rng.int(9)}`, sex: rng.float() < 0.5 ? 'F' : 'M' },
    payer: { id: 'MEDICARE' },
    placeOfService: '11',
    diagnoses,
    lines: unique,
    totalChargeCents: unique.reduce((sum, l) => sum + l.chargeCents, 0),
  };
  return rng.float() < 0.2 ? withMistake(claim, pick(rng, MISTAKES)) : claim;
}

function withMistake(claim: SampleClaim, mistake: (typeof MISTAKES)[number]): SampleClaim {
  const [first, ...rest] = claim.lines;
  if (first === undefined) return claim;
  switch (mistake) {
    case 'npi': return { ...claim, billingProvider: { ...claim.billingProvider, npi: '1234567890' } };
    case 'pointer': return { ...claim, lines: [{ ...first, diagnosisPointers: [claim.diagnoses.length + 1] }, ...rest] };
    case 'total': return { ...claim, totalChargeCents: claim.totalChargeCents + 100 };
    case 'pos': return { ...claim, placeOfService: '48' };
    case 'procedure': return { ...claim, lines: [{ ...first, procedure: '9921' }, ...rest] };
    case 'modifier': return { ...claim, lines: [{ ...first, modifiers: ['LT', 'RT'] }, ...rest] };
  }
}

const CLAIMS = 100_000;
const rng = createRng('claims-bench');
const claims = Array.from({ length: CLAIMS }, (_, i) => generateClaim(rng, i));
const ndjsonLines = claims.map((c) => JSON.stringify(c));
const ndjsonBytes = ndjsonLines.reduce((sum, l) => sum + l.length + 1, 0);
process.stdout.write(`  batch: ${CLAIMS.toLocaleString('en-US')} claims, ${(ndjsonBytes / 1e6).toFixed(1)} MB of NDJSON\n`);
let pass = true;

const parsed = ndjsonLines.map((l) => JSON.parse(l) as unknown);
const options = { asOf: '2026-11-02' };
let invalid = 0;
const validation = measure('validateClaim, 100k claims', CLAIMS, () => {
  invalid = 0;
  for (const claim of parsed) if (!validateClaim(claim, options).valid) invalid++;
}, 2);
const parsing = measure('JSON.parse of the same NDJSON lines', CLAIMS, () => {
  for (const line of ndjsonLines) JSON.parse(line);
}, 1);
process.stdout.write(`  invalid claims: ${invalid.toLocaleString('en-US')} (${((100 * invalid) / CLAIMS).toFixed(1)} %)\n`);
pass = compare(validation, parsing, { label: 'validation vs JSON.parse (target: >= 100,000 claims/s, no more than 2x the parse time)', minPerSecond: 100_000, minSpeedup: 0.5 }) && pass;

const x12Claims = claims.slice(0, 20_000);
const x12 = build837p(x12Claims, 500);
const megabytes = x12.length / 1e6;
const reading = await measureAsync(`read837p, ${megabytes.toFixed(1)} MB`, megabytes, async () => {
  for await (const entry of read837p(x12)) void entry;
}, 1);
const splitting = measure('split into segments and elements only', megabytes, () => {
  for (const segment of x12.split('~')) segment.split('*');
}, 1);
process.stdout.write('  (rates below are MB/s)\n');
pass = compare(reading, splitting, { label: '837P reading (target >= 50 MB/s)', minPerSecond: 50 }) && pass;

const here = dirname(fileURLToPath(import.meta.url));
const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, 'claims', 'firstValidation.ts')], { encoding: 'utf8' });
const first = JSON.parse(child.stdout || '{}') as { importMs?: number; firstMs?: number; heapMb?: number; secondMs?: number };
process.stdout.write('  first validation after import, fresh process:\n');
pass = report('import of medoffice/claims', first.importMs ?? Number.NaN, 'ms') && pass;
pass = report('first validateClaim (code sets decoded)', first.firstMs ?? Number.NaN, 'ms', { max: 150 }) && pass;
pass = report('second validateClaim (baseline: warm)', first.secondMs ?? Number.NaN, 'ms') && pass;
pass = report('heap added by import and first validation', first.heapMb ?? Number.NaN, 'MB', { max: 40 }) && pass;
const repo = join(here, '..');
const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: repo, encoding: 'utf8' });
const tarball = (JSON.parse(packed.stdout || '[{}]') as { size?: number; unpackedSize?: number }[])[0] ?? {};
process.stdout.write('  package size (npm pack --dry-run of the current dist; build first for fresh figures):\n');
report('packed tarball', (tarball.size ?? Number.NaN) / 1e6, 'MB');
report('unpacked', (tarball.unpackedSize ?? Number.NaN) / 1e6, 'MB');
if (!pass) process.exitCode = 1;
