import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIMITERS } from '../../../src/claims/x12/delimiters.js';
import { nextInterchange, runsOnPastLineBreak } from '../../../src/claims/x12/interchangeBounds.js';

describe('nextInterchange', () => {
  it('finds an ISA that begins a segment, not ISA as an element or inside a word', () => {
    expect(nextInterchange('N3*LISA*~\nISA*00*', 0)).toBe(10);
    expect(nextInterchange('NM1*IL*1*ISA*X~ISA|00', 0)).toBe(15);
    expect(nextInterchange('IEA*1*2~  ISA*', 0)).toBe(10);
    expect(nextInterchange('ISA*', 0)).toBe(0);
    expect(nextInterchange('NM1*IL*1*ISA*X~', 0)).toBe(-1);
    expect(nextInterchange('~ISA', 0)).toBe(-1);
    expect(nextInterchange('ISA ISA1', 0)).toBe(-1);
  });
});

describe('runsOnPastLineBreak', () => {
  it('finds a segment that runs on past a line break into the next segment id', () => {
    const text = 'GS*HC*A\r\nST*837\n';
    expect(runsOnPastLineBreak(text, 0, text.length, DEFAULT_DELIMITERS)).toBe(11);
    expect(runsOnPastLineBreak('GS*HC*ACME CO*X~', 0, 15, DEFAULT_DELIMITERS)).toBe(-1);
    expect(runsOnPastLineBreak('GS*HC*A~\nST*837~', 0, 7, DEFAULT_DELIMITERS)).toBe(-1);
    expect(runsOnPastLineBreak(text, 0, text.length, { ...DEFAULT_DELIMITERS, segment: '\n' })).toBe(-1);
  });

  describe('properties', () => {
    it('never flags a segment of its own terminator, whatever its elements and the segments after it', () => {
      const element = fc.stringMatching(/^[A-Z0-9 .:^-]{0,8}$/);
      fc.assert(
        fc.property(fc.array(element, { maxLength: 10 }), fc.string({ maxLength: 30 }), (elements, after) => {
          const segment = ['GS', ...elements].join('*');
          expect(runsOnPastLineBreak(`${segment}~\r\n${after}`, 0, segment.length, DEFAULT_DELIMITERS)).toBe(-1);
        }),
      );
    });
  });
});
