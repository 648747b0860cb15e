import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { claimsScene } from '../../demo/scenes/claims.js';
import type { IanaZone } from '../../src/core/time.js';

describe('claimsScene', () => {
  it('plays deterministically and holds the claims with real mistakes', async () => {
    const play = async (): Promise<string[]> => {
      const lines: string[] = [];
      const zone = 'America/New_York' as IanaZone;
      await claimsScene.play({ zone, day: '2026-11-02', morning: DateTime.fromISO('2026-11-02T07:30', { zone }), seed: 7, say: (text) => lines.push(text) });
      return lines;
    };
    const first = await play();
    expect(await play()).toEqual(first);
    const text = first.join('\n');
    for (const code of ['modifier.conflict', 'line.duplicate', 'npi.invalid', 'date.timely_filing', 'claim.total_mismatch', 'pos.invalid']) expect(text).toContain(code);
    expect(first.at(-1)).toContain('RFM-2046: clean');
  });
});
