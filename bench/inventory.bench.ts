import { normalQuantile } from '../src/core/normal.js';
import { createRng, type Rng } from '../src/core/random.js';
import { samplePoisson, sampleNormal } from '../src/core/samplers.js';
import { ItemSchema, planInventory, readUsageCsv, simulatePolicy, type Item, type ItemId, type ItemStock } from '../src/inventory/index.js';
import { compare, measure } from './harness.js';

// Plans 10,000 items with three years of daily usage each (target: under 1 s on one thread), and
// simulates one item for ten years of days (target: under 50 ms), each beside a naive baseline
// that keeps usage and stock as objects per day and recomputes with intermediate arrays; and reads
// a usage file of a million rows beside a naive reader (reported).

const ITEMS = 10_000;
const DAYS = 3 * 365;

function makeUsage(rng: Rng, kind: number): Float64Array {
  const series = new Float64Array(DAYS);
  const mean = 2 + rng.int(80);
  for (let t = 0; t < DAYS; t++) {
    if (kind === 1 && t % 4 !== 0) continue;
    if (kind === 2 && rng.float() > 0.2) continue;
    const rate = kind === 3 ? mean * (1 + 0.5 * Math.cos((2 * Math.PI * t) / 364)) : mean;
    series[t] = kind === 2 ? Math.round(rate * 3 * rng.float()) : samplePoisson(rng, rate);
  }
  return series;
}

const rng = createRng('inventory-bench');
const items: Item[] = [];
const usage = new Map<ItemId, Float64Array>();
const stock = new Map<ItemId, ItemStock>();
for (let i = 0; i < ITEMS; i++) {
  const kind = i % 10 < 6 ? 0 : i % 10 < 8 ? 1 : i % 10 < 9 ? 2 : 3;
  const item = ItemSchema.parse({
    id: `item-${i}`, name: `Item ${i}`, unit: 'each', packSize: 1 + (i % 50), unitCostCents: 5 + (i % 500), minimumOrder: i % 7 === 0 ? 20 : 0,
    supplier: `supplier-${i % 12}`, leadTime: { meanDays: 2 + (i % 6), sdDays: i % 3 }, shelfLifeDays: i % 5 === 0 ? 60 : null, seasonal: kind === 3,
    replenishment: i % 4 === 0 ? { kind: 'sQ' } : { kind: 'periodic', reviewDays: 7 },
  });
  items.push(item);
  usage.set(item.id, makeUsage(rng, kind));
  stock.set(item.id, { lots: [{ itemId: item.id, lotId: `L${i}` as never, locationId: 'closet' as never, expires: i % 5 === 0 ? ('2026-11-20' as never) : null, quantity: 50 + (i % 300) }], onOrder: i % 9, allocated: 0 });
}

/** The naive planner: usage as one object per day, classification and SES through intermediate arrays. */
function naivePlan(subset: readonly Item[]): number {
  let total = 0;
  for (const item of subset) {
    const series = usage.get(item.id) as Float64Array;
    const rows = Array.from(series, (quantity, day) => ({ date: new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10), quantity }));
    const demands = rows.filter((row) => row.quantity > 0);
    const positions = rows.map((row, index) => (row.quantity > 0 ? index : -1)).filter((index) => index >= 0);
    const intervals = positions.map((position, k) => position - (k === 0 ? -1 : (positions[k - 1] as number)));
    const adi = intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length);
    const sizes = demands.map((row) => row.quantity);
    const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
    const cv2 = sizes.map((s) => (s - mean) ** 2).reduce((a, b) => a + b, 0) / Math.max(1, sizes.length - 1) / (mean * mean || 1);
    const fitted = rows.reduce<number[]>((acc, row, t) => [...acc.slice(-1), t === 0 ? row.quantity : 0.1 * (rows[t - 1]?.quantity ?? 0) + 0.9 * (acc[acc.length - 1] ?? 0)], []);
    const errors = rows.slice(1).map((row, t) => row.quantity - (fitted[Math.min(t, fitted.length - 1)] ?? 0));
    const rmse = Math.sqrt(errors.map((e) => e * e).reduce((a, b) => a + b, 0) / Math.max(1, errors.length));
    const level = fitted[fitted.length - 1] ?? 0;
    const lead = item.leadTime.meanDays + 7;
    const orderUpTo = level * lead + normalQuantile(0.98) * rmse * Math.sqrt(lead);
    total += Math.max(0, Math.ceil(orderUpTo / item.packSize) * item.packSize) + adi + cv2;
  }
  return total;
}

let failed = false;
// A budget of half of what the items want, so the greedy allocation does real work.
const wantedCents = planInventory({ items, usage, stock }, { asOf: '2026-11-02' }).plans.reduce((sum, plan) => sum + plan.costCents, 0);
const budgetCents = Math.floor(wantedCents / 2);
const ours = measure('planInventory + half budget, 10,000 × 1,095 days', ITEMS, () => planInventory({ items, usage, stock }, { asOf: '2026-11-02', budgetCents }), 2);
const naiveItems = items.slice(0, 500);
const naive = measure('naive per-day objects planner (500 items)', naiveItems.length, () => naivePlan(naiveItems), 1);
failed ||= !compare(ours, naive, { label: 'plan 10,000 items with three years of daily usage', maxMs: 1000 });

const simulation = {
  policy: { kind: 'periodic', reviewDays: 7, orderUpTo: 560 },
  days: 3650,
  demand: { kind: 'normal', mean: 50, sd: 10 },
  leadTime: { kind: 'normal', mean: 3, sd: 1 },
  shelfLifeDays: 90,
  unitCostCents: 100,
  orderCostCents: 1500,
} as const;

/** The naive simulator: lots as objects, re-sorted every day; pending orders filtered every day. */
function naiveSimulate(seedRng: Rng): number {
  let lots: { quantity: number; expires: number }[] = [{ quantity: 560, expires: 89 }];
  let pending: { day: number; quantity: number }[] = [];
  let filled = 0;
  let demanded = 0;
  for (let day = 0; day < simulation.days; day++) {
    for (const arrival of pending.filter((p) => p.day === day)) lots.push({ quantity: arrival.quantity, expires: day + 89 });
    pending = pending.filter((p) => p.day !== day);
    lots = lots.filter((lot) => lot.expires >= day && lot.quantity > 0).sort((a, b) => a.expires - b.expires);
    let need = Math.max(0, Math.round(sampleNormal(seedRng, 50, 10)));
    demanded += need;
    for (const lot of lots) {
      const take = Math.min(lot.quantity, need);
      lot.quantity -= take;
      need -= take;
      filled += take;
    }
    const position = lots.reduce((sum, lot) => sum + lot.quantity, 0) + pending.reduce((sum, p) => sum + p.quantity, 0);
    if ((day + 1) % 7 === 0 && position < 560) pending.push({ day: day + 1 + Math.max(0, Math.round(sampleNormal(seedRng, 3, 1))), quantity: 560 - position });
  }
  return filled / demanded;
}

let seed = 0;
const sim = measure('simulatePolicy, one item × 3,650 days', 1, () => simulatePolicy(simulation, createRng(seed++)), 1);
const simNaive = measure('naive object simulator, 3,650 days', 1, () => naiveSimulate(createRng(seed++)), 1);
failed ||= !compare(sim, simNaive, { label: 'simulate one item for ten years of days', maxMs: 50 });

// Reading a usage file: about a million rows (560 items on every other day of 3,600 days) streamed
// into one series per item, beside a naive reader that splits the file into row objects first.
const USAGE_ITEMS = 560;
const USAGE_DAYS = 3_600;
const usageLines: string[] = ['item_id,date,quantity'];
const firstDay = Date.parse('2017-01-01T00:00:00Z');
for (let day = 0; day < USAGE_DAYS; day += 2) {
  const date = new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < USAGE_ITEMS; i++) usageLines.push(`item-${i},${date},${(i + day) % 17}`);
}
const usageText = usageLines.join('\n');
const usageIds = new Set(Array.from({ length: USAGE_ITEMS }, (_, i) => `item-${i}`));
const rowCount = usageLines.length - 1;
process.stdout.write(`usage file: ${rowCount.toLocaleString('en-US')} rows, ${(usageText.length / 1e6).toFixed(1)} MB\n`);
const check = readUsageCsv(usageText, usageIds, '2026-12-01');
if (check.issues.length > 0 || check.usage.size !== USAGE_ITEMS) throw new Error(`usage file read with ${check.issues.length} issues`);
const streamed = measure('readUsageCsv (streamed into one array per item)', rowCount, () => readUsageCsv(usageText, usageIds, '2026-12-01'), 1);
const naiveRead = measure('naive: row objects, then per-item maps of days', rowCount, () => naiveReadUsage(usageText, '2026-12-01'), 1);
compare(streamed, naiveRead, { label: 'usage rows read (reported)' });

function naiveReadUsage(text: string, asOf: string): Map<string, number[]> {
  const rows = text.split('\n').slice(1).map((line) => {
    const [item = '', date = '', quantity = ''] = line.split(',');
    return { item, date, quantity: Number(quantity) };
  });
  const end = Date.parse(`${asOf}T00:00:00Z`);
  const start = Math.min(...rows.slice(0, 1000).map((row) => Date.parse(`${row.date}T00:00:00Z`)));
  const days = Math.round((end - start) / 86_400_000);
  const series = new Map<string, number[]>();
  for (const row of rows) {
    const list = series.get(row.item) ?? new Array<number>(days).fill(0);
    const day = Math.round((Date.parse(`${row.date}T00:00:00Z`) - start) / 86_400_000);
    list[day] = (list[day] ?? 0) + row.quantity;
    series.set(row.item, list);
  }
  return series;
}

if (failed) process.exitCode = 1;
