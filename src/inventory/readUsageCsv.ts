import { errorIssue, warningIssue, type Issue } from '../core/issue.js';
import { dateOfDayNumber, dayNumber } from '../core/calendarDay.js';
import { decimalCell, forEachCsvRow } from './csvRows.js';
import { planningDay } from './fefo.js';
import type { ItemId } from './model.js';
import { ITEM_LIMITS } from './itemLimits.js';

/** Columns a usage file must have. */
export const USAGE_COLUMNS = ['item_id', 'date', 'quantity'] as const;

/**
 * How far back a usage row may be dated: ten years of 366 days. Older rows (most often a mistyped
 * year, 0026 for 2026) are warned about and skipped rather than stretching every item's series
 * over centuries.
 *
 * @example
 * ```ts
 * readUsageCsv('item_id,date,quantity\ng,0026-11-01,3\n', new Set(['g']), '2026-11-02').issues[0]?.code; // 'inventory.usage_too_old'
 * ```
 */
export const MAX_USAGE_HISTORY_DAYS = 3660;

/** Days without any row, after the file's first rows, that make those rows suspect. */
const OUTLIER_GAP_DAYS = 90;
/** The largest share of the dated rows (rounded down, at least one row) that suspect rows may be. */
const OUTLIER_SHARE = 0.01;

/**
 * Reads a usage CSV (`item_id, date, quantity`: units used on a day) into one daily series per
 * item that has a row, from the earliest date in the file to the day before `asOf`; days without a
 * row count as zero and repeated rows add up. An item with no usable row gets no series, so the
 * planner reports it (`inventory.no_usage`) instead of planning it on a history of zeros. Rows for unknown items (`inventory.unknown_item`), with malformed
 * dates (`time.invalid_date`) or negative, non-numeric or absurd quantities (`inventory.negative_quantity`,
 * `inventory.csv_number`; at most `ITEM_LIMITS.dailyUnits`), or that would make a day's total pass that
 * limit (`inventory.usage_overflow`), are reported with line and column and skipped; rows on or after
 * `asOf` are warned about (`inventory.usage_after_as_of`) and ignored, and so are rows more than
 * {@link MAX_USAGE_HISTORY_DAYS} days before it (`inventory.usage_too_old`). A column besides the
 * three is warned about (`csv.unknown_column`, at its header cell) and its cells are ignored. A row
 * whose cells are all blank (`,,`, a spreadsheet row cleared but not deleted) is skipped as a blank
 * line is.
 *
 * Since every series starts on the file's earliest date, a few rows dated far before the rest
 * would make every item look unused for the days between. Of the dated rows (known item, calendar
 * date before `asOf`, a quantity of zero or more), the earliest ones are warned about
 * (`inventory.usage_date_outlier`, one warning per row, after the other issues) when the next row
 * of any item is dated more than 90 days after them and they are at most 1% of the dated rows
 * (rounded down, but at least one row); when several such gaps qualify, the latest one counts. The
 * rows are still counted.
 *
 * The file is read row by row into one array per item, so memory grows with items × days, not
 * with the number of rows.
 *
 * @param text - the file's contents
 * @param known - the item ids to accept
 * @param asOf - the planning day, `YYYY-MM-DD`
 * @param source - the file's name for issue paths (default `usage.csv`)
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD` or `text` is not a string
 * @example
 * ```ts
 * const { usage } = readUsageCsv(text, new Set(items.map((item) => item.id)), '2026-11-02');
 * ```
 */
export function readUsageCsv(text: string, known: ReadonlySet<string>, asOf: string, source = 'usage.csv'): { usage: Map<ItemId, Float64Array>; issues: Issue[] } {
  const reading = newReading(source, known, asOf);
  const rowIssues: Issue[] = [];
  // Any column besides the three is warned about (`csv.unknown_column`): the file has no optional ones.
  const shapeIssues = forEachCsvRow(text, source, USAGE_COLUMNS, (cells, line) => {
    if (!checkRow(reading, cells, line, rowIssues)) return;
    const { item, back } = reading;
    reading.rowsByBack = grownTo(reading.rowsByBack, back + 1);
    reading.rowsByBack[back] = (reading.rowsByBack[back] as number) + 1;
    reading.dated++;
    if (!addUsage(reading, item, back, reading.quantity)) {
      rowIssues.push(errorIssue('inventory.usage_overflow', [source, line, 'quantity'], `adding ${cells[2]} makes the day's total for ${cells[0]} more than ${ITEM_LIMITS.dailyUnits} units`));
    }
  }, []);
  const issues = [...shapeIssues, ...rowIssues];
  const usage = new Map<ItemId, Float64Array>();
  if (reading.span === 0) return { usage, issues };
  for (const [id, item] of reading.items) {
    // An item without a single row has no history (the planner warns `inventory.no_usage`), not years of zeros.
    if (reading.byItem[item] !== EMPTY) usage.set(id as ItemId, forward(reading.byItem[item] as Float64Array, reading.span));
  }
  return { usage, issues: [...issues, ...outlierWarnings(reading, text)] };
}

/** What reading a usage file has gathered so far, and the last row checked. */
interface Reading {
  readonly source: string;
  readonly asOf: string;
  readonly asOfDay: number;
  /** Each known item's position in `byItem`, in the order of `known`. */
  readonly items: ReadonlyMap<string, number>;
  /** Each item's daily totals by days before `asOf`: entry 0 is the day before it. */
  readonly byItem: Float64Array[];
  /** Dated rows per day, by days before `asOf`. */
  rowsByBack: Float64Array;
  dated: number;
  /** Days from the earliest counted row to the day before `asOf`. */
  span: number;
  item: number;
  back: number;
  quantity: number;
}

const EMPTY = new Float64Array(0);

function newReading(source: string, known: ReadonlySet<string>, asOf: string): Reading {
  const asOfDay = planningDay(asOf, 'readUsageCsv');
  const items = new Map<string, number>();
  for (const id of known) items.set(id, items.size);
  return { source, asOf, asOfDay, items, byItem: [...items.values()].map(() => EMPTY), rowsByBack: EMPTY, dated: 0, span: 0, item: 0, back: 0, quantity: 0 };
}

/** Checks one row; when it is usable, sets the reading's `item`, `back` and `quantity` and returns true. */
function checkRow(reading: Reading, cells: readonly string[], line: number, issues: Issue[] | undefined): boolean {
  const { source } = reading;
  const itemId = cells[0] as string;
  const date = cells[1] as string;
  const quantityText = cells[2] as string;
  const item = reading.items.get(itemId);
  const day = dayNumber(date);
  const quantity = decimalCell(quantityText);
  const found: Issue[] = [];
  if (item === undefined) found.push(errorIssue('inventory.unknown_item', [source, line, 'item_id'], `no item '${itemId}'`));
  if (day === undefined) found.push(errorIssue('time.invalid_date', [source, line, 'date'], `'${date}' is not a calendar date (YYYY-MM-DD)`));
  if (quantityText === '' || !Number.isFinite(quantity)) found.push(errorIssue('inventory.csv_number', [source, line, 'quantity'], `'${quantityText}' is not a number`));
  else if (quantity < 0) found.push(errorIssue('inventory.negative_quantity', [source, line, 'quantity'], `${quantity} is negative`));
  else if (quantity > ITEM_LIMITS.dailyUnits) found.push(errorIssue('inventory.csv_number', [source, line, 'quantity'], `${quantityText} is more than ${ITEM_LIMITS.dailyUnits} units in a day`));
  if (found.length > 0 || item === undefined || day === undefined) {
    issues?.push(...found);
    return false;
  }
  if (!(day < reading.asOfDay)) {
    issues?.push(warningIssue('inventory.usage_after_as_of', [source, line, 'date'], `${date} is not before the planning day ${reading.asOf}`));
    return false;
  }
  if (reading.asOfDay - day > MAX_USAGE_HISTORY_DAYS) {
    issues?.push(warningIssue('inventory.usage_too_old', [source, line, 'date'], `${date} is more than ${MAX_USAGE_HISTORY_DAYS} days before the planning day ${reading.asOf}; the row is left out (is the year right?)`));
    return false;
  }
  reading.item = item;
  reading.back = reading.asOfDay - 1 - day;
  reading.quantity = quantity;
  return true;
}

/** Adds a row's units to its item's day; false (and nothing added) when the total would pass the daily limit. */
function addUsage(reading: Reading, item: number, back: number, quantity: number): boolean {
  const series = reading.byItem[item] as Float64Array;
  const total = (back < series.length ? (series[back] as number) : 0) + quantity;
  if (total > ITEM_LIMITS.dailyUnits) return false;
  const room = grownTo(series, back + 1);
  reading.byItem[item] = room;
  room[back] = total;
  reading.span = Math.max(reading.span, back + 1);
  return true;
}

function grownTo(array: Float64Array, length: number): Float64Array {
  if (array.length >= length) return array;
  const bigger = new Float64Array(Math.max(length, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** A series by days before `asOf` turned into `span` days, oldest first. */
function forward(byBack: Float64Array, span: number): Float64Array {
  const series = new Float64Array(span);
  const kept = Math.min(byBack.length, span);
  for (let back = 0; back < kept; back++) series[span - 1 - back] = byBack[back] as number;
  return series;
}

/**
 * The leading rows to warn about: the latest run of the file's earliest days that is followed by
 * more than {@link OUTLIER_GAP_DAYS} days without rows and holds at most {@link OUTLIER_SHARE} of
 * the dated rows (at least one). Returns the days before `asOf` of that run's last day and of the
 * next day with rows.
 */
function leadingOutliers(reading: Reading): { last: number; next: number } | undefined {
  const counts = reading.rowsByBack;
  const limit = Math.max(1, Math.floor(reading.dated * OUTLIER_SHARE));
  let seen = 0;
  let found: { last: number; next: number } | undefined;
  for (let back = reading.span - 1; back >= 0; ) {
    seen += counts[back] as number;
    if (seen > limit) break;
    let next = back - 1;
    while (next >= 0 && counts[next] === 0) next--;
    if (next < 0) break;
    if (back - next > OUTLIER_GAP_DAYS) found = { last: back, next };
    back = next;
  }
  return found;
}

/** One `inventory.usage_date_outlier` warning per leading outlier row, found by reading the file again. */
function outlierWarnings(reading: Reading, text: string): Issue[] {
  const outliers = leadingOutliers(reading);
  if (outliers === undefined) return [];
  const dateOf = (back: number): string => dateOfDayNumber(reading.asOfDay - 1 - back);
  const start = dateOf(reading.span - 1);
  const rest = dateOf(outliers.next);
  const warnings: Issue[] = [];
  forEachCsvRow(text, reading.source, USAGE_COLUMNS, (cells, line) => {
    if (!checkRow(reading, cells, line, undefined) || reading.back < outliers.last) return;
    const days = reading.back - outliers.next;
    const message = `${cells[1]} is ${days} days before the rest of the usage (from ${rest}); every item's daily history now starts on ${start}, with no use on the days between. Correct the date if it is wrong; if it is right, give the items stocked later their stockedSince day so those empty days are left out of their forecasts`;
    warnings.push(warningIssue('inventory.usage_date_outlier', [reading.source, line, 'date'], message));
  });
  return warnings;
}
