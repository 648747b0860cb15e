/**
 * ICD-10-CM for medoffice/claims: date-effective code sets (FY2016-FY2027 bundled), lookups, tabular
 * notes, MCE edits, the diagnosis checks, and loaders for the official CMS/CDC files.
 *
 * @packageDocumentation
 */
export { checkDiagnoses, type DiagnosisContext } from './checkDiagnoses.js';
export { type CodeRange } from './codeRange.js';
export { type CharacterCondition } from './characterCondition.js';
export { loadIcd10cmOrderFile, loadIcd10cmTabularXml, type EffectiveDates } from './loaders.js';
export { icd10Children, lookupIcd10cm, type Icd10Lookup } from './lookup.js';
export { MCE_FLAGS, type MceFlag } from './mceFlags.js';
export { formatIcd10, normalizeIcd10 } from './normalize.js';
export {
  bundledIcd10Tables,
  mergeIcd10Tables,
  type Icd10Category,
  type Icd10CodeSet,
  type Icd10Descriptions,
  type Icd10NotesLayer,
  type Icd10SourceSpan,
  type Icd10Tables,
  type MceAgeGroup,
  type SeventhCharacterRule,
} from './tables.js';
