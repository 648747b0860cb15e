import { DateTime } from 'luxon';
import type { AccessContext } from '../../src/records/context.js';

/** A clock that starts at a fixed instant and moves one second per call. */
export function steppingClock(start = '2026-11-02T12:30:00.000Z', stepMs = 1000): { clock: () => DateTime; peek: () => DateTime } {
  let now = DateTime.fromISO(start, { zone: 'UTC' });
  return {
    clock: () => {
      const current = now;
      now = now.plus({ milliseconds: stepMs });
      return current;
    },
    peek: () => now,
  };
}

export const clerk: AccessContext = { actor: 'ma-jones', role: 'assistant', purposeOfUse: 'TREAT' };
export const doctor: AccessContext = { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT', reason: 'visit' };

export function patient(family: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: 'Patient', name: [{ family, given: ['Ana'] }], birthDate: '1980-04-02', ...extra };
}
