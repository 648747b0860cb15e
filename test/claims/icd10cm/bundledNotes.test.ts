import { describe, expect, it } from 'vitest';
import { encodeNotes } from '../../../scripts/claims/icd10cm/encode.js';
import { applyFy2027, correctedTabular2021, excludes2027, readMaster } from '../../../scripts/claims/icd10cm/sources.js';
import { EXCLUDES1 as EXCLUDES1_FY2027 } from '../../../src/claims/data/icd10cm/excludes1Fy2027.js';
import { EXCLUDES1 as EXCLUDES1_FY2021 } from '../../../src/claims/data/icd10cm/notesFy2021.js';
import { scanTabularXml } from '../../../src/claims/icd10cm/tabularXml.js';
import { readClaimsData } from './sharedData.js';

describe('the bundled Excludes1 notes', () => {
  it('are what scripts/claims/icd10cm/generate.ts makes of the official FY2021 tabular and FY2027 Excludes1 files', () => {
    const scanned = scanTabularXml(correctedTabular2021());
    if (!scanned.ok) throw new Error('the FY2021 tabular did not scan');
    expect(scanned.value.unreadExcludes1).toEqual([]);
    expect(encodeNotes(scanned.value.excludes1)).toBe(EXCLUDES1_FY2021);
    const spans = readMaster();
    applyFy2027(spans);
    expect(encodeNotes(excludes2027([...spans.keys()].sort()))).toBe(EXCLUDES1_FY2027);
  });

  it('read the FY2021 misprint at G02 as FY2027 prints it: the B27 meningitis codes have 2 as their fifth character', () => {
    const raw = scanTabularXml(readClaimsData('icd10cm/fy2021/icd10cm_tabular_2021.xml'));
    if (!raw.ok) throw new Error('the FY2021 tabular did not scan');
    expect(raw.value.unreadExcludes1).toEqual([{ at: 'G02', words: 'B27.- with fourth character 2', reason: 'no_code' }]);
    const sites = new Map(EXCLUDES1_FY2021.split(';').map((site) => site.split('=') as [string, string]));
    expect(sites.get('G02')?.split(',')).toContain('B27@5:2');
    expect(new Map(EXCLUDES1_FY2027.split(';').map((site) => site.split('=') as [string, string])).get('G02')?.split(',')).toContain('B27@5:2');
  });

  it('carry the FY2027 single-category block (Block T07) and chapter notes (Chapter 4, Chapter 15)', () => {
    const sites = new Map(EXCLUDES1_FY2027.split(';').map((site) => site.split('=') as [string, string]));
    expect(sites.get('T07')?.split(',')).toEqual(expect.arrayContaining(['T20-T32', 'T33-T34', 'T634', 'L55', 'T1490']));
    expect(sites.get('E16')?.split(',')).toContain('P70-P74');
    expect(sites.get('O9A')?.split(',')).toContain('Z34');
  });
});
