import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCondition, meetsCondition } from '../../../src/claims/icd10cm/characterCondition.js';

describe('meetsCondition', () => {
  it('at: the characters from a position on (S62.- with 7th character B; F11-F19 with fifth to sixth characters 51)', () => {
    expect(meetsCondition('S62600B', { kind: 'at', position: 7, anyOf: ['B'] })).toBe(true);
    expect(meetsCondition('S62600A', { kind: 'at', position: 7, anyOf: ['B'] })).toBe(false);
    expect(meetsCondition('S626', { kind: 'at', position: 7, anyOf: ['B'] })).toBe(false);
    expect(meetsCondition('F11151', { kind: 'at', position: 5, anyOf: ['51'] })).toBe(true);
    expect(meetsCondition('F11150', { kind: 'at', position: 5, anyOf: ['51'] })).toBe(false);
  });

  it('final: how the code ends (I69. with final characters -23)', () => {
    expect(meetsCondition('I69323', { kind: 'final', anyOf: ['23'] })).toBe(true);
    expect(meetsCondition('I69351', { kind: 'final', anyOf: ['23'] })).toBe(false);
  });

  it('intent: the 6th character, or the 5th where the 6th is the placeholder X (T36-T65 with fifth or sixth character 1-4 or 6)', () => {
    const poisoning = { kind: 'intent', anyOf: ['1', '2', '3', '4', '6'] } as const;
    expect(meetsCondition('T360X1A', poisoning)).toBe(true); // poisoning by penicillins, accidental
    expect(meetsCondition('T360X5A', poisoning)).toBe(false); // adverse effect of penicillins
    expect(meetsCondition('T3691XA', poisoning)).toBe(true); // unspecified systemic antibiotic, accidental
    expect(meetsCondition('T3695XA', poisoning)).toBe(false); // its adverse effect
    expect(meetsCondition('T43651A', poisoning)).toBe(true); // methamphetamines, accidental: the 5th character 5 is not the intent
  });

  it('a code meets an "at" condition exactly when its characters there are one of the options', () => {
    const code = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/);
    fc.assert(fc.property(code, fc.integer({ min: 1, max: 7 }), fc.stringMatching(/^[0-9A-Z]{1,2}$/), (given, position, option) => {
      const expected = given.slice(position - 1, position - 1 + option.length) === option;
      return meetsCondition(given, { kind: 'at', position, anyOf: [option] }) === expected;
    }));
  });
});

describe('describeCondition', () => {
  it('says the condition in the tabular\'s words', () => {
    expect(describeCondition({ kind: 'at', position: 7, anyOf: ['B', 'C'] })).toBe('with seventh character B or C');
    expect(describeCondition({ kind: 'at', position: 5, anyOf: ['51'] })).toBe('with fifth to sixth characters 51');
    expect(describeCondition({ kind: 'final', anyOf: ['23'] })).toBe('with final characters -23');
    expect(describeCondition({ kind: 'intent', anyOf: ['6'] })).toBe('with fifth or sixth character 6');
  });
});
