import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentScanner } from '../../../src/claims/x12/segmentScanner.js';
import { SegmentSplitter } from '../../../src/claims/x12/segments.js';
import { isaHeader } from './build837p.js';

interface Seen {
  readonly id: string;
  readonly position: number;
  readonly elements: string[];
}

function scan(chunks: readonly string[]): Seen[] {
  const seen: Seen[] = [];
  const scanner = new SegmentScanner((segment) => {
    const elements = Array.from({ length: segment.count + 2 }, (_, i) => segment.element(i));
    seen.push({ id: segment.id, position: segment.position, elements });
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return seen;
}

const element = fc.stringMatching(/^[A-Z0-9 :.^-]{0,6}$/);
const segment = fc.tuple(fc.constantFrom('NM1', 'SV1', 'HI', 'ZZ9', 'N3'), fc.array(element, { maxLength: 40 })).map(([id, rest]) => [id, ...rest]);

describe('SegmentScanner', () => {
  it('reads elements in place, absent elements as empty, and counts positions from ISA', () => {
    const [isa, gs, sv1] = scan([`${isaHeader()}GS*HC*A~\nSV1~`]);
    expect([isa?.id, isa?.position, gs?.elements.slice(0, 4), sv1?.elements]).toEqual(['ISA', 1, ['GS', 'HC', 'A', ''], ['SV1', '', '']]);
  });

  it('takes padding at the very end (NUL, Ctrl-Z, form feed) for padding, and a last unterminated segment for a segment', () => {
    for (const tail of ['\0\0', '\x1a', '\f', '\r\n\x1a\0']) expect(scan([`${isaHeader()}IEA*1*1~`, tail]).map((seen) => seen.id)).toEqual(['ISA', 'IEA']);
    expect(scan([`${isaHeader()}IEA*1*1~`, 'SE*1']).map((seen) => seen.id)).toEqual(['ISA', 'IEA', 'SE']);
  });

  it('skips an interchange whose ISA cannot be read up to the next ISA that begins a segment, with offsets into the whole input', () => {
    const bad = `${isaHeader().replace('*P*', '*PP*')}GS*HC~\nNM1*IL*1*ISA*X~\nN3*LISA*~\n`;
    const good = `${isaHeader()}GS*HC~\n`;
    const seen: [string, number, number][] = [];
    const scanner = new SegmentScanner((segment) => seen.push([segment.id, segment.position, segment.offset]));
    for (const chunk of `${bad}\r\n${good}`.match(/[\s\S]{1,4}/g) ?? []) scanner.push(chunk);
    scanner.end();
    expect(seen).toEqual([['ISA?', 1, 0], ['ISA', 1, bad.length + 2], ['GS', 2, bad.length + 2 + 106]]);
  });

  describe('properties', () => {
    it('gives the elements a split would, however the text is cut into chunks', () => {
      fc.assert(
        fc.property(fc.array(segment, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), (segments, size) => {
          const text = isaHeader() + segments.map((s) => `${s.join('*')}~\n`).join('');
          const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
          const seen = scan(chunks).slice(1);
          expect(seen.map((s) => s.elements.slice(0, -2))).toEqual(segments);
          expect(seen.map((s) => s.position)).toEqual(segments.map((_, i) => i + 2));
        }),
      );
    });

    it('keeps segments for SegmentSplitter exactly as the scanner saw them', () => {
      fc.assert(
        fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
          const text = isaHeader() + segments.map((s) => `${s.join('*')}~`).join('');
          const splitter = new SegmentSplitter();
          const kept = [...splitter.push(text), ...splitter.end()].slice(1);
          expect(kept.map((s) => s.elements)).toEqual(segments);
          expect(kept.map((s) => s.element(1))).toEqual(segments.map((s) => s[1] ?? ''));
        }),
      );
    });
  });
});
