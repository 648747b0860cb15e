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
});
