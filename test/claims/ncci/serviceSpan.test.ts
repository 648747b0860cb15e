import { describe, expect, it } from 'vitest';
import { sharedStretch, spanOf } from '../../../src/claims/ncci/serviceSpan.js';
import type { ClaimLine } from '../../../src/claims/claim.js';
import { line } from '../fixtures.js';

const dated = (serviceDate: string, serviceDateTo?: string): ClaimLine =>
  line({ serviceDate, ...(serviceDateTo !== undefined ? { serviceDateTo } : {}) }) as unknown as ClaimLine;

describe('spanOf and sharedStretch', () => {
  it('covers from serviceDate through serviceDateTo, a single day without one or with one before it', () => {
    const five = spanOf(dated('2026-07-01', '2026-07-05'));
    expect(five.last - five.first).toBe(4);
    expect(spanOf(dated('2026-07-01'))).toEqual({ first: five.first, last: five.first });
    expect(spanOf(dated('2026-07-03', '2026-07-01'))).toEqual({ first: five.first + 2, last: five.first + 2 });
    expect(spanOf(dated('2024-02-28', '2024-03-01')).last - spanOf(dated('2024-02-28')).first).toBe(2);
  });

  it('names the days two spans share, across a month end, or none', () => {
    expect(sharedStretch(spanOf(dated('2026-06-29', '2026-07-02')), spanOf(dated('2026-07-01', '2026-07-09')))).toEqual({ first: '2026-07-01', last: '2026-07-02' });
    expect(sharedStretch(spanOf(dated('2026-07-02')), spanOf(dated('2026-06-30', '2026-07-05')))).toEqual({ first: '2026-07-02', last: '2026-07-02' });
    expect(sharedStretch(spanOf(dated('2026-07-02')), spanOf(dated('2026-07-03', '2026-07-05')))).toBeUndefined();
  });
});
