import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/nodeIo.js';

describe('nodeIo', () => {
  it("gives today's date in the zone asked for: 25 hours apart, Kiritimati and Pago Pago never share a date", () => {
    const io = nodeIo();
    const east = io.today('Pacific/Kiritimati');
    const west = io.today('Pacific/Pago_Pago');
    expect(east).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(east > west).toBe(true);
    expect(io.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the current instant to the second with the offset of the zone asked for', () => {
    const io = nodeIo();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const kiritimati = io.now('Pacific/Kiritimati');
    expect(kiritimati).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+14:00$/);
    expect(io.now('America/New_York')).toMatch(/-0[45]:00$/);
    expect(Date.parse(kiritimati)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(kiritimati)).toBeLessThanOrEqual(Date.now());
    expect(io.now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
  });
});
