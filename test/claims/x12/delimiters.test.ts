import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delimitersOf, ISA_LENGTH, readIsa } from '../../../src/claims/x12/delimiters.js';
import { isaHeader } from './build837p.js';

/** The fixed widths of ISA01 to ISA15 in 005010. */
const WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1];

/** The header with element `index` (1-based) made `by` characters wider (or narrower when negative). */
function resized(index: number, by: number): string {
  const fields = isaHeader().slice(0, ISA_LENGTH - 2).split('*');
  const field = fields[index] ?? '';
  fields[index] = by > 0 ? field + 'X'.repeat(by) : field.slice(0, field.length + by);
  return `${fields.join('*')}:~`;
}

describe('readIsa', () => {
  it('reads the delimiters of a well-formed header, ISA11 as the repetition separator from 00501 on', () => {
    expect(readIsa(isaHeader())).toEqual({ delimiters: { element: '*', component: ':', repetition: '^', segment: '~' } });
    expect(readIsa(isaHeader('|', '>', '\n')).delimiters).toEqual({ element: '|', component: '>', repetition: '^', segment: '\n' });
    expect(readIsa(isaHeader().replace('*^*00501*', '*U*00401*')).delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
  });

  it('names the element whose width is wrong (a header one character short or long)', () => {
    expect(readIsa(isaHeader().replace('SUBMITTER      ', 'SUBMITTER     ') + 'G').problem).toBe('ISA06 is 14 characters, not 15');
    expect(readIsa(isaHeader().replace('SUBMITTER      ', 'SUBMITTER       ')).problem).toBe('ISA06 is 16 characters, not 15');
    expect(readIsa(isaHeader().replace('*0*P*:', '*0P*:*')).problem).toBe('ISA14 is 2 characters, not 1');
    expect(readIsa('ISA*00*    ').problem).toBe('the input ends 11 characters into the header, in ISA02');
    expect(delimitersOf(isaHeader().replace('*0*P*:', '*0P*:*'))).toBeUndefined();
  });

  it('names the separators that collide or are letters or digits', () => {
    const header = isaHeader();
    expect(readIsa(`${header.slice(0, 104)}*~`).problem).toBe("ISA16, the component separator, is '*', the same as the element separator");
    expect(readIsa(`${header.slice(0, 104)}::`).problem).toBe("the segment terminator (after ISA16) is ':', the same as ISA16, the component separator");
    expect(readIsa(header.replace('*^*', '*:*')).problem).toBe("ISA16, the component separator, is ':', the same as ISA11, the repetition separator");
    expect(readIsa(`${header.slice(0, 104)}:G`).problem).toBe("the segment terminator (after ISA16) is 'G', a letter or digit");
    expect(readIsa(isaHeader('*', '\n', '\n')).problem).toBe('the segment terminator (after ISA16) is a line feed, the same as ISA16, the component separator');
    expect(readIsa(isaHeader('A')).problem).toBe("the element separator (the character after ISA) is 'A', a letter or digit");
  });

  describe('properties', () => {
    it('refuses a header with any one element resized, naming that element', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: -2, max: 2 }).filter((by) => by !== 0), (index, by) => {
          fc.pre((WIDTHS[index - 1] ?? 0) + by >= 0);
          const header = resized(index, by);
          const problem = readIsa(by > 0 ? header : header + 'GS*'.slice(0, -by)).problem;
          expect(problem).toBe(`ISA${String(index).padStart(2, '0')} is ${(WIDTHS[index - 1] ?? 0) + by} characters, not ${WIDTHS[index - 1]}`);
        }),
      );
    });
  });
});
