import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from '../../src/core/calendarDay.js';
import { readUsageCsv } from '../../src/inventory/index.js';

describe('readUsageCsv: when several leading gaps of more than 90 days qualify, the latest one counts (its docs)', () => {
  it('warns both early rows (2025-01-01 and 2025-06-01) when each is followed by a gap over 90 days and they are at most 1% of the rows', () => {
    const start = dayNumber('2025-10-01') as number;
    const daily = Array.from({ length: 200 }, (_, i) => `g,${dateOfDayNumber(start + i)},1`);
    const text = ['item_id,date,quantity', 'g,2025-01-01,1', 'g,2025-06-01,1', ...daily, ''].join('\n');
    // 202 dated rows allow floor(2.02) = 2 outliers; the gaps are 151 and 122 days.
    const { issues } = readUsageCsv(text, new Set(['g']), '2026-11-02');
    const outliers = issues.filter((issue) => issue.code === 'inventory.usage_date_outlier');
    expect(outliers.map((issue) => issue.path)).toEqual([
      ['usage.csv', 2, 'date'],
      ['usage.csv', 3, 'date'],
    ]);
  });
});
