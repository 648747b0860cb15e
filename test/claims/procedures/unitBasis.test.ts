import { describe, expect, it } from 'vitest';
import { unitBasisOf } from '../../../src/claims/procedures/unitBasis.js';
import { line } from '../fixtures.js';

describe('unitBasisOf', () => {
  it('is UN when not given, and otherwise trimmed with ASCII letters upper-cased', () => {
    const of = (unitBasis?: string) => unitBasisOf((unitBasis === undefined ? line() : line({ unitBasis })) as never);
    expect([of(), of('UN'), of('MJ'), of('mj'), of(' Mj '), of('un'), of('\uFF4D\uFF4A')]).toEqual(['UN', 'UN', 'MJ', 'MJ', 'MJ', 'UN', '\uFF4D\uFF4A']);
  });
});
