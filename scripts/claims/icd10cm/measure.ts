/**
 * Measures the bundled ICD-10-CM tables: import and first-use decode time, heap after decoding, and the
 * rate of checkDiagnoses on a generated realistic batch beside a baseline (normalise + Set lookup).
 * Run: node --import tsx --expose-gc scripts/claims/icd10cm/measure.ts
 */
import { compare, measure, report } from '../../../bench/harness.js';
import { createRng, type Rng } from '../../../src/core/random.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const COMMON = ['E11.9', 'I10', 'E78.5', 'Z00.00', 'J06.9', 'M54.50', 'E66.9', 'F41.1', 'K21.9', 'Z79.4', 'E03.9', 'N39.0', 'R05.9', 'Z23', 'I25.10', 'J45.909'];
const MISTAKES = ['E11', 'T14.91A', 'Z99.999', 'W19.XXXA', 'G63', 'E10.9', 'O80', 'S72.001'];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)] as T;
}

function isoDay(rng: Rng): string {
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28);
  return `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const importStart = performance.now();
  const { checkDiagnoses } = await import('../../../src/claims/icd10cm/checkDiagnoses.js');
  const { bundledIcd10Tables } = await import('../../../src/claims/icd10cm/tables.js');
  const importMs = performance.now() - importStart;
  const firstStart = performance.now();
  const firstCpu = process.cpuUsage();
  checkDiagnoses({ diagnoses: ['E11.9', 'I10'], serviceDates: [['2026-11-02'], ['2026-11-02']], fallbackDate: '2026-11-02', patient: { birthDate: '1960-01-01', sex: 'F' } });
  const firstMs = performance.now() - firstStart;
  const firstCpuUsed = process.cpuUsage(firstCpu);
  const firstCpuMs = (firstCpuUsed.user + firstCpuUsed.system) / 1000;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log('ICD-10-CM bundled tables');
  report('import of the module and its data (tsx)', importMs, 'ms');
  report('first checkDiagnoses (decodes the tables)', firstMs, 'ms', { max: 150 });
  report('  of which CPU time', firstCpuMs, 'ms');
  report('heap after first use', heapMb, 'MB', { max: 40 });

  const set = bundledIcd10Tables().codeSets[0];
  const everyCode = set === undefined ? [] : set.categoryKeys.flatMap((key) => set.category(key)?.codes ?? []);
  const rng = createRng('icd10cm-measure');
  const claims = Array.from({ length: 20_000 }, () => {
    const count = 1 + rng.int(12);
    const diagnoses: string[] = [];
    while (diagnoses.length < count) {
      const roll = rng.float();
      const code = roll < 0.6 ? pick(rng, COMMON) : roll < 0.97 ? pick(rng, everyCode) : pick(rng, MISTAKES);
      if (!diagnoses.includes(code)) diagnoses.push(code);
    }
    const date = isoDay(rng);
    const birth = `${1930 + rng.int(95)}-0${1 + rng.int(9)}-1${rng.int(10)}`;
    return { diagnoses, serviceDates: diagnoses.map(() => [date]), fallbackDate: date, patient: { birthDate: birth, sex: pick(rng, ['F', 'M', 'U'] as const) } };
  });
  const known = new Set(everyCode);
  const ours = measure('checkDiagnoses, 20,000 claims (1-12 dx)', claims.length, () => {
    let issues = 0;
    for (const claim of claims) issues += checkDiagnoses(claim).length;
    return issues;
  });
  const baseline = measure('normalise + Set.has per diagnosis', claims.length, () => {
    let hits = 0;
    for (const claim of claims) for (const code of claim.diagnoses) if (known.has(code.replace('.', '').toUpperCase())) hits += 1;
    return hits;
  });
  const pass = compare(ours, baseline, { label: 'checkDiagnoses on realistic claims', minPerSecond: 200_000 });
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < 5; round += 1) for (const claim of claims) checkDiagnoses(claim);
  const cpuUsed = process.cpuUsage(cpuStart);
  report('claims per CPU-second (5 rounds, this process)', (5 * claims.length) / ((cpuUsed.user + cpuUsed.system) / 1e6), '/s');
  if (!pass || firstMs > 150 || heapMb > 40) process.exitCode = 1;
}

await main();
