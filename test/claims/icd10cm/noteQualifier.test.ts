import { describe, expect, it } from 'vitest';
import { bundledIcd10Tables } from '../../../src/claims/icd10cm/tables.js';
import { OPEN_FRACTURE_SEVENTH_CHARACTERS, readNoteQualifier } from '../../../src/claims/icd10cm/noteQualifier.js';

describe('readNoteQualifier', () => {
  it('reads every qualifier form of the FY2021 and FY2027 Excludes1 notes', () => {
    const at = (position: number, anyOf: string[]) => ({ kind: 'condition', condition: { kind: 'at', position, anyOf } });
    expect(readNoteQualifier('7th character B')).toEqual(at(7, ['B']));
    expect(readNoteQualifier('7th character B or C')).toEqual(at(7, ['B', 'C']));
    expect(readNoteQualifier('seventh character A')).toEqual(at(7, ['A']));
    expect(readNoteQualifier('fifth character 4')).toEqual(at(5, ['4']));
    expect(readNoteQualifier('fifth-character 1')).toEqual(at(5, ['1']));
    expect(readNoteQualifier('5th character .6')).toEqual(at(5, ['6']));
    expect(readNoteQualifier('fourth character 2')).toEqual(at(4, ['2']));
    expect(readNoteQualifier('sixth character 1-4')).toEqual(at(6, ['1', '2', '3', '4']));
    expect(readNoteQualifier('fifth to sixth characters 51')).toEqual(at(5, ['51']));
    expect(readNoteQualifier('open fracture 7th character')).toEqual(at(7, [...OPEN_FRACTURE_SEVENTH_CHARACTERS]));
    expect(readNoteQualifier('final characters -23')).toEqual({ kind: 'condition', condition: { kind: 'final', anyOf: ['23'] } });
    expect(readNoteQualifier('fifth or sixth character 1-4 or 6')).toEqual({ kind: 'condition', condition: { kind: 'intent', anyOf: ['1', '2', '3', '4', '6'] } });
    expect(readNoteQualifier('.42')).toEqual({ kind: 'subdivisions', parts: [{ low: '42', high: '42' }] });
    expect(readNoteQualifier('.51-.52')).toEqual({ kind: 'subdivisions', parts: [{ low: '51', high: '52' }] });
    expect(readNoteQualifier('.61-')).toEqual({ kind: 'subdivisions', parts: [{ low: '61', high: '61' }] });
    expect(readNoteQualifier('.17, .27, .97')).toEqual({ kind: 'subdivisions', parts: [{ low: '17', high: '17' }, { low: '27', high: '27' }, { low: '97', high: '97' }] });
  });

  it('leaves words it does not understand unread, never guessing', () => {
    for (const words of ['fifth or sixth character to indicate intent', 'appropriate 7th character', 'fifth to sixth characters 5', '.52-.51', 'eighth character 1', '']) {
      expect(readNoteQualifier(words)).toEqual({ kind: 'unread' });
    }
  });
});

describe('OPEN_FRACTURE_SEVENTH_CHARACTERS', () => {
  it('are the 7th characters the bundled FY2021 tabular defines at S52 as open fractures', () => {
    const rule = bundledIcd10Tables().notes.flatMap((layer) => [layer.seventhCharacters?.get('S52')]).find((found) => found !== undefined);
    if (rule === undefined) throw new Error('no 7th-character rule at S52');
    const open = [...rule.characters].filter((_, i) => /open fracture/i.test(rule.meanings[i] ?? ''));
    expect(open).toEqual([...OPEN_FRACTURE_SEVENTH_CHARACTERS]);
  });
});
