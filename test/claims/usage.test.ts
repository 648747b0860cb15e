import { describe, expect, it } from 'vitest';
import { explainCode } from '../../src/claims/explainCode.js';
import { loadIcd10cmOrderFile, loadIcd10cmTabularXml } from '../../src/claims/icd10cm/loaders.js';
import { icd10Children, lookupIcd10cm } from '../../src/claims/icd10cm/lookup.js';
import { formatIcd10, normalizeIcd10 } from '../../src/claims/icd10cm/normalize.js';
import { loadHcpcsAnweb } from '../../src/claims/loaders/loadHcpcsAnweb.js';
import { loadNcciAddOn } from '../../src/claims/loaders/loadNcciAddOn.js';
import { loadNcciMue } from '../../src/claims/loaders/loadNcciMue.js';
import { loadNcciPtp } from '../../src/claims/loaders/loadNcciPtp.js';
import { readNdjson } from '../../src/claims/batch/readNdjson.js';
import { placeOfServiceOn } from '../../src/claims/placeOfService.js';
import { normalizeProcedure, procedureFormat } from '../../src/claims/procedures/procedureFormat.js';
import { isValidNpi, npiCheckDigit } from '../../src/claims/providers/npi.js';
import { MedofficeUsageError } from '../../src/core/result.js';

const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
const notStrings: unknown[] = [undefined, null, 0, Number.NaN, true, {}, [], ['E11.9'], Symbol('s'), 10n, () => 'E11.9', hostile];

describe('misuse of the public functions', () => {
  it('questions about a value answer no for a value that is not a string (false, undefined, [] or NaN)', () => {
    for (const value of notStrings) {
      const text = value as string;
      expect(isValidNpi(text)).toBe(false);
      expect(npiCheckDigit(text)).toBeNaN();
      expect(procedureFormat(text)).toBeUndefined();
      expect(lookupIcd10cm(text, '2026-11-02')).toBeUndefined();
      expect(lookupIcd10cm('E11.9', text)).toBeUndefined();
      expect(icd10Children(text, '2026-11-02')).toEqual([]);
      expect(icd10Children('E11', text)).toEqual([]);
      expect(placeOfServiceOn(text, '2026-11-02')).toBeUndefined();
      expect(placeOfServiceOn('11', text)).toBeUndefined();
    }
  });

  it('functions that rewrite a code or read a file throw MedofficeUsageError for a value that is not a string', () => {
    const fy = { from: '2027-10-01', to: '2028-09-30' };
    for (const value of notStrings) {
      const text = value as string;
      for (const call of [
        () => normalizeIcd10(text), () => formatIcd10(text), () => normalizeProcedure(text),
        () => loadHcpcsAnweb(text), () => loadNcciPtp(text), () => loadNcciAddOn(text), () => loadNcciMue(text, { from: '2026-07-01' }),
        () => loadIcd10cmOrderFile(text, fy), () => loadIcd10cmTabularXml(text, fy),
        () => explainCode(text, '2026-11-02'),
      ]) {
        expect(call).toThrow(MedofficeUsageError);
      }
    }
    for (const value of [undefined, null, 0, true, {}, Symbol('s'), () => '', hostile]) expect(() => readNdjson(value as never)).toThrow(MedofficeUsageError);
  });

  it('explainCode needs the date of service, and loadNcciMue a period of real dates', () => {
    expect(() => explainCode('E11.9', undefined as never)).toThrow(MedofficeUsageError);
    expect(() => explainCode('E11.9', '2026-02-30')).toThrow(MedofficeUsageError);
    expect(explainCode('E11.9', '2026-11-02').kind).toBe('icd10');
    for (const period of [undefined, null, {}, { from: 'July' }, { from: '2026-07-01', to: '2026-06-30' }, hostile]) {
      expect(() => loadNcciMue('HCPCS/CPT Code\n99213,1,1 Line Edit', period as never)).toThrow(MedofficeUsageError);
    }
  });

  it('loaders of ICD-10-CM files report effective dates that are not an object of dates as icd10.effective_dates', () => {
    for (const effective of [undefined, null, 'FY2028', hostile]) {
      const result = loadIcd10cmOrderFile('00001 A000    1 Cholera', effective as never);
      expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['icd10.effective_dates']);
    }
  });
});
