import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDescriptions, frontCodeCodes, rankWords } from '../../../scripts/claims/icd10cm/encode.js';
import { descriptionReader } from '../../../src/claims/icd10cm/descriptionCoding.js';
import { decodeFrontCoded } from '../../../src/claims/icd10cm/tableCoding.js';

describe('table codings', () => {
  describe('properties', () => {
    it('titles round-trip through the word-token coding', () => {
      const word = fc.stringMatching(/^[A-Za-z0-9,()[\]-]{1,8}$/);
      const title = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
      fc.assert(fc.property(fc.array(title, { maxLength: 120 }), (titles) => {
        const words = rankWords(titles);
        const read = descriptionReader(words, encodeDescriptions(titles, words));
        return titles.every((text, i) => read(i) === text);
      }));
    });

    it('sorted codes round-trip through front coding', () => {
      const codes = fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9A-Z]{2,6}$/), { maxLength: 200 }).map((list) => [...list].sort());
      fc.assert(fc.property(codes, (list) => {
        expect(decodeFrontCoded(frontCodeCodes(list))).toEqual(list);
      }));
    });
  });

  it('decodes a title from the middle of a block', () => {
    const titles = Array.from({ length: 70 }, (_, i) => `Fracture of bone ${i}, initial encounter`);
    const words = rankWords(titles);
    expect(descriptionReader(words, encodeDescriptions(titles, words))(45)).toBe('Fracture of bone 45, initial encounter');
  });
});
