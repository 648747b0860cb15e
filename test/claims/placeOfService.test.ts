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

  it('knows no unassigned number', () => {
    for (const code of ['00', '28', '48', '59', '98', '1']) expect(placeOfServiceOn(code, '2026-11-02')).toBeUndefined();
  });
});
