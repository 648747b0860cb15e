/**
 * medoffice/claims: validate professional claims (JSON or X12 837P) against the official code
 * sets in force on each date of service, the NCCI tables you load and your payers' rules.
 *
 * @packageDocumentation
 */
export type { ClaimIssue } from './claimIssue.js';
export {
  ClaimSchema,
  ClaimLineSchema,
  BillingProviderSchema,
  RenderingProviderSchema,
  ReferringProviderSchema,
  OrderingProviderSchema,
  PatientSchema,
  ProcedureCodeSchema,
  ModifierCodeSchema,
  DiagnosisCodeSchema,
  NpiSchema,
  PlaceOfServiceSchema,
  ClaimFrequencySchema,
  PayerClaimControlNumberSchema,
} from './claim.js';
export type { Claim, ClaimLine, ProcedureCode, ModifierCode, DiagnosisCode, NpiNumber, PlaceOfServiceCode, ClaimFrequencyCode, PayerClaimControlNumber } from './claim.js';
export { validateClaim, checkClaim } from './validateClaim.js';
export type { ClaimReport } from './validateClaim.js';
export { validateClaims } from './validateClaims.js';
export type { ClaimSource, BatchClaimReport } from './validateClaims.js';
export { MEDICARE_PAYER_RULES, payerRulesFor } from './claimOptions.js';
export type { ValidateClaimOptions, ClaimTables, PayerRules, ResolvedPayerRules, EditSeverity } from './claimOptions.js';
export { CLAIM_ISSUE_CODES } from './issueCodes.js';
export type { ClaimIssueCode, IssueCodeInfo } from './issueCodes.js';
export { isValidNpi, npiCheckDigit } from './providers/npi.js';
export { procedureFormat, normalizeProcedure, describeProcedureFormat } from './procedures/procedureFormat.js';
export type { ProcedureFormat } from './procedures/procedureFormat.js';
export { MAX_MODIFIERS } from './procedures/modifiers.js';
export type { HcpcsTable, HcpcsPeriod } from './procedures/hcpcsTable.js';
export { placeOfServiceOn } from './placeOfService.js';
export type { PlaceOfService } from './placeOfService.js';
export { MAX_DIAGNOSES, MAX_LINES, MAX_UNITS } from './checkLines.js';
export { MAX_POINTERS } from './checkPointers.js';
export { NCCI_ASSOCIATED_MODIFIERS } from './ncci/associatedModifiers.js';
export { ptpTable, ptpEditOn, mergePtpTables } from './ncci/ptpTable.js';
export type { PtpTable, PtpEdit, PtpModifierIndicator } from './ncci/ptpTable.js';
export { ncciReleaseOf, newestNcciRelease } from './ncci/ncciRelease.js';
export type { NcciRelease, NewestRelease } from './ncci/ncciRelease.js';
export { mueEditOn, mergeMueTables } from './ncci/mueTable.js';
export type { MueTable, MuePeriod, MueEdit, MueAdjudicationIndicator } from './ncci/mueTable.js';
export { addOnTable, mergeAddOnTables } from './ncci/addOnTable.js';
export type { AddOnTable, AddOnEdit, AddOnEditType } from './ncci/addOnTable.js';
export { loadHcpcsAnweb } from './loaders/loadHcpcsAnweb.js';
export { loadNcciPtp } from './loaders/loadNcciPtp.js';
export { loadNcciMue } from './loaders/loadNcciMue.js';
export { loadNcciAddOn } from './loaders/loadNcciAddOn.js';
export { readNdjson } from './batch/readNdjson.js';
export type { ClaimEntry, SegmentLocation, TextSource } from './batch/claimEntry.js';
export { read837p, X12_837P_VERSION } from './x12/read837p.js';
export { x12Segments, SegmentSplitter, textChunks } from './x12/segments.js';
export { delimitersOf } from './x12/delimiters.js';
export type { X12Segment } from './x12/segments.js';
export type { X12Delimiters } from './x12/delimiters.js';
export { explainCode } from './explainCode.js';
export type { CodeExplanation, Icd10Explanation, ProcedureExplanation } from './explainCode.js';
export { lookupIcd10cm, icd10Children } from './icd10cm/lookup.js';
export type { Icd10Lookup } from './icd10cm/lookup.js';
export { normalizeIcd10, formatIcd10 } from './icd10cm/normalize.js';
export { bundledIcd10Tables, mergeIcd10Tables } from './icd10cm/tables.js';
export { MCE_FLAGS } from './icd10cm/mceFlags.js';
export type { MceFlag } from './icd10cm/mceFlags.js';
export type { Icd10Tables, Icd10Category, Icd10CodeSet, Icd10NotesLayer, MceAgeGroup, Icd10Descriptions, Icd10SourceSpan, SeventhCharacterRule } from './icd10cm/tables.js';
export type { CodeRange } from './icd10cm/codeRange.js';
export type { CharacterCondition } from './icd10cm/characterCondition.js';
export { loadIcd10cmOrderFile, loadIcd10cmTabularXml } from './icd10cm/loaders.js';
export type { EffectiveDates } from './icd10cm/loaders.js';
export { checkDiagnoses } from './icd10cm/checkDiagnoses.js';
export type { DiagnosisContext } from './icd10cm/checkDiagnoses.js';
