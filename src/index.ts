/**
 * medoffice: the back-office work of a medical practice in code. This entry holds what every
 * module shares (issues and results, seeded randomness and samplers, time zones, money,
 * statistics); the modules live at `medoffice/scheduling`, `medoffice/claims`,
 * `medoffice/records` and `medoffice/inventory`.
 *
 * @packageDocumentation
 */
export type { Brand } from './core/brand.js';
export { errorIssue, formatPath, hasErrors, prefixIssues, warningIssue } from './core/issue.js';
export type { Issue, IssuePath, Severity } from './core/issue.js';
export { fail, fromIssues, issuesOf, MedofficeUsageError, ok } from './core/result.js';
export type { Checked } from './core/result.js';
export { issuesFromZod, parseWith } from './core/parse.js';
export { createRng } from './core/random.js';
export type { Rng, Seed } from './core/random.js';
export {
  logGamma,
  lognormalParameters,
  sampleBernoulli,
  sampleEmpirical,
  sampleExponential,
  sampleGamma,
  sampleLognormal,
  sampleNormal,
  samplePoisson,
  sampleStandardNormal,
  sampleUniform,
} from './core/samplers.js';
export { compileSampler, DistributionSchema, distributionMean, distributionVariance } from './core/distribution.js';
export type { Distribution, Sampler } from './core/distribution.js';
export { normalCdf, normalLoss, normalPdf, normalQuantile } from './core/normal.js';
export { quantileSorted, summarize, tCritical95 } from './core/statistics.js';
export type { Summary } from './core/statistics.js';
export { dateOfDayNumber, dayNumber } from './core/calendarDay.js';
export { parseCsv } from './core/csv.js';
export type { CsvRecord, CsvTable } from './core/csv.js';
export { addDays, checkZone, daysBetween, isIsoDate, localDate, parseIsoDate, parseIsoDateTime, wallClock } from './core/time.js';
export type { IanaZone, IsoDate } from './core/time.js';
export { allocateCents, cents, checkCents, formatCents, multiplyCents, parseDollars, sumCents } from './core/money.js';
export type { Cents } from './core/money.js';
