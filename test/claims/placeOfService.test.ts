import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOfServiceOn } from '../../src/claims/placeOfService.js';
import { PLACE_OF_SERVICE_ROWS } from '../../src/claims/data/placeOfService.js';
import { sharedClaimsData } from './fixtures.js';

describe('place of service', () => {
  it('bundles exactly the 52 codes of the CMS code set kept in shared/data/claims/pos', () => {
    const source = readFileSync(join(sharedClaimsData, 'pos', 'place_of_service_codes.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t').slice(0, 2));
    expect(source).toHaveLength(52);
    expect(PLACE_OF_SERVICE_ROWS.map(([code, name]) => [code, name])).toEqual(source);
  });

  it('starts POS 66 (PACE Center) on 2024-08-01 (CMS Transmittal 12779) and POS 10 on 2022-01-01', () => {
    expect(placeOfServiceOn('66', '2024-07-31')).toBeUndefined();
    expect(placeOfServiceOn('66', '2024-08-01')?.name).toBe('Programs of All-Inclusive Care for the Elderly (PACE) Center');
    expect(placeOfServiceOn('10', '2021-12-31')).toBeUndefined();
    expect(placeOfServiceOn('10', '2022-01-01')?.name).toBe("Telehealth Provided in Patient's Home");
  });

  it.each([
    ['19', '2016-01-01', 'CR 9231 (MLN Matters MM9231)'],
    ['02', '2017-01-01', 'CR 9726 (MLN Matters MM9726)'],
    ['58', '2020-01-01', 'CMS Transmittal 4486 (CR 11353)'],
    ['10', '2022-01-01', 'CMS Transmittal 11045 (CR 12427)'],
    ['27', '2023-10-01', 'CMS Transmittal 12411 (CR 13314)'],
    ['66', '2024-08-01', 'CMS Transmittal 12779'],
  ])('starts POS %s on %s, the date of service %s made it effective', (code, first) => {
    const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(placeOfServiceOn(code, dayBefore)).toBeUndefined();
    expect(placeOfServiceOn(code, first)?.code).toBe(code);
  });

  it('dates exactly the six codes created after 2015-10-01', () => {
    expect(PLACE_OF_SERVICE_ROWS.filter((row) => row[2] !== undefined).map(([code]) => code).sort()).toEqual(['02', '10', '19', '27', '58', '66']);
  });

  it('knows no unassigned number', () => {
    for (const code of ['00', '28', '48', '59', '98', '1']) expect(placeOfServiceOn(code, '2026-11-02')).toBeUndefined();
  });
});
