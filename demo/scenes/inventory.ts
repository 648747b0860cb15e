import { formatCents, type Cents } from '../../src/core/money.js';
import { createRng, type Rng } from '../../src/core/random.js';
import { samplePoisson } from '../../src/core/samplers.js';
import { addDays } from '../../src/core/time.js';
import {
  AllocationSchema,
  expiringSoon,
  itemStocks,
  ItemSchema,
  LocationSchema,
  planInventory,
  replayLedger,
  simulatePolicy,
  type Item,
  type ItemId,
} from '../../src/inventory/index.js';
import type { DemoScene } from '../scene.js';

const HISTORY_DAYS = 3 * 364;

const items: Item[] = [
  { id: 'gloves-m', name: 'Nitrile gloves, medium', unit: 'glove', packSize: 100, unitCostCents: 9, supplier: 'medline', leadTime: { meanDays: 3, sdDays: 1 }, seasonal: true },
  { id: 'masks', name: 'Surgical masks', unit: 'mask', packSize: 50, unitCostCents: 12, supplier: 'medline', leadTime: { meanDays: 3, sdDays: 1 }, seasonal: true },
  { id: 'flu-vaccine', name: 'Influenza vaccine, quadrivalent', unit: 'dose', packSize: 10, unitCostCents: 1850, minimumOrder: 20, supplier: 'sanofi', leadTime: { meanDays: 5, sdDays: 1 }, shelfLifeDays: 45, service: { kind: 'cycle', target: 0.95 }, seasonal: true, criticality: 3 },
  { id: 'sharps-2qt', name: 'Sharps container, 2 qt', unit: 'container', packSize: 6, unitCostCents: 410, supplier: 'henry-schein', leadTime: { meanDays: 6, sdDays: 2 } },
  { id: 'swabs', name: 'Alcohol prep pads', unit: 'pad', packSize: 200, unitCostCents: 2, supplier: 'henry-schein', leadTime: { meanDays: 4, sdDays: 1 } },
].map((raw) => ItemSchema.parse(raw));

/** A daily rate with a winter peak (day 0 of each 364-day cycle is early November). */
function fluSeason(base: number, swing: number, day: number): number {
  return Math.max(0, base + swing * Math.cos((2 * Math.PI * (day - 60)) / 364));
}

function history(rng: Rng): Map<ItemId, Float64Array> {
  const rates: Record<string, (day: number) => number> = {
    'gloves-m': (d) => fluSeason(140, 50, d),
    masks: (d) => fluSeason(40, 30, d),
    'flu-vaccine': (d) => fluSeason(4, 6, d),
    'sharps-2qt': (d) => (d % 9 === 0 ? 1 : 0),
    swabs: () => 60,
  };
  const usage = new Map<ItemId, Float64Array>();
  for (const item of items) {
    const series = new Float64Array(HISTORY_DAYS);
    const rate = rates[item.id] ?? (() => 0);
    for (let t = 0; t < HISTORY_DAYS; t++) series[t] = samplePoisson(rng, rate(t));
    usage.set(item.id, series);
  }
  return usage;
}

/** The supply closet's ledger for the last week: receipts with lots and expiry dates, use, and waste. */
function ledgerMovements(day: string): unknown[] {
  const d = (offset: number): string => addDays(day, offset);
  return [
    { kind: 'receive', date: d(-9), itemId: 'flu-vaccine', lotId: 'FLU-2291', locationId: 'fridge', quantity: 60, expires: d(6) },
    { kind: 'receive', date: d(-8), itemId: 'flu-vaccine', lotId: 'FLU-2304', locationId: 'fridge', quantity: 40, expires: d(40) },
    { kind: 'receive', date: d(-7), itemId: 'gloves-m', lotId: 'G-881', locationId: 'closet', quantity: 1200, expires: null },
    { kind: 'receive', date: d(-7), itemId: 'masks', lotId: 'M-120', locationId: 'closet', quantity: 400, expires: null },
    { kind: 'receive', date: d(-7), itemId: 'sharps-2qt', lotId: 'S-7', locationId: 'closet', quantity: 6, expires: null },
    { kind: 'receive', date: d(-7), itemId: 'swabs', lotId: 'A-55', locationId: 'closet', quantity: 2000, expires: '2028-01-31' },
    { kind: 'issue', date: d(-3), itemId: 'flu-vaccine', locationId: 'fridge', quantity: 38 },
    { kind: 'issue', date: d(-2), itemId: 'gloves-m', locationId: 'closet', quantity: 1000 },
    { kind: 'issue', date: d(-2), itemId: 'masks', locationId: 'closet', quantity: 290 },
    { kind: 'issue', date: d(-2), itemId: 'swabs', locationId: 'closet', quantity: 420 },
    { kind: 'waste', date: d(-1), itemId: 'flu-vaccine', lotId: 'FLU-2304', locationId: 'fridge', quantity: 2, reason: 'damaged' },
  ];
}

/**
 * Monday morning: the office manager's weekly supply order, planned, budgeted, explained and checked.
 *
 * @example
 * ```ts
 * await inventoryScene.play(context);
 * ```
 */
export const inventoryScene: DemoScene = {
  title: 'The weekly supply order',
  play: ({ day, seed, say }) => {
    const locations = [LocationSchema.parse({ id: 'closet', name: 'Supply closet' }), LocationSchema.parse({ id: 'fridge', name: 'Vaccine fridge' })];
    const ledger = replayLedger({ items, locations, movements: ledgerMovements(day) });
    say(`Dana opens the supply ledger: ${ledger.stock.length} lots on hand, ${ledger.issues.length} problems in last week's entries.`);
    for (const lot of expiringSoon(ledger.stock, day, 14)) say(`  expiring soon: ${lot.itemId} lot ${lot.lotId}, ${lot.quantity} left, ${lot.daysLeft} days to go`);
    const stock = itemStocks({ items, ledger, allocations: [AllocationSchema.parse({ itemId: 'flu-vaccine', quantity: 12 })] });
    const budgetCents = 60_000;
    const plan = planInventory({ items, usage: history(createRng(seed)), stock }, { asOf: day, budgetCents });
    say(`Three years of daily use go into the planner; this week's budget is ${formatCents(budgetCents as Cents)}.`);
    for (const p of plan.plans) say(`  ${p.itemId.padEnd(12)} ${p.status.padEnd(9)} ${p.forecast.method.padEnd(12)} (${p.forecast.pattern.demandClass}) ${p.forecast.perDay.toFixed(1)}/day`);
    say(`The order wanted ${formatCents((plan.budget?.wantedCents ?? 0) as Cents)}; the budget allows ${formatCents((plan.budget?.spentCents ?? 0) as Cents)}.`);
    for (const po of plan.purchaseOrders) {
      say(`Purchase order to ${po.supplier}, ${formatCents(po.totalCents as Cents)}:`);
      for (const line of po.lines) {
        say(`  ${line.itemId}: ${line.packs} × ${line.packSize} ${line.unit}`);
        for (const reason of line.reasons) say(`      ${reason.code}: ${reason.text}`);
      }
    }
    const gloves = plan.plans.find((p) => p.itemId === 'gloves-m');
    if (gloves !== undefined) {
      const check = simulatePolicy(
        { policy: { kind: 'periodic', reviewDays: 7, orderUpTo: gloves.levels.orderUpTo }, days: 3650, demand: { kind: 'normal', mean: gloves.forecast.perDay, sd: gloves.forecast.sigmaPerDay }, leadTime: { kind: 'normal', mean: 3, sd: 1 } },
        createRng(seed).stream(1),
      );
      say(`Before sending it, Dana checks the glove rule in ten simulated years: fill rate ${(check.fillRate * 100).toFixed(1)}% against a 98.0% target, ${check.stockoutDays} stock-out days.`);
    }
  },
};
