import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllocationSchema, itemStocks, ItemSchema, LocationSchema, PurchaseOrderSchema, replayLedger, type Item, type Location } from '../../src/inventory/index.js';

const items: Item[] = [
  ItemSchema.parse({ id: 'gloves', name: 'Gloves', unit: 'glove', packSize: 100, unitCostCents: 9, supplier: 'medline', leadTime: { meanDays: 3 } }),
  ItemSchema.parse({ id: 'flu', name: 'Flu vaccine', unit: 'dose', packSize: 10, unitCostCents: 1800, supplier: 'sanofi', leadTime: { meanDays: 5 }, shelfLifeDays: 200 }),
];
const locations: Location[] = [LocationSchema.parse({ id: 'closet', name: 'Closet' }), LocationSchema.parse({ id: 'fridge', name: 'Fridge' })];

describe('replayLedger', () => {
  it('receives, issues first expiry first out, transfers, adjusts and wastes', () => {
    const state = replayLedger({
      items,
      locations,
      movements: [
        { kind: 'receive', date: '2026-10-01', itemId: 'flu', lotId: 'B', locationId: 'fridge', quantity: 30, expires: '2027-03-01' },
        { kind: 'receive', date: '2026-10-02', itemId: 'flu', lotId: 'A', locationId: 'fridge', quantity: 20, expires: '2027-01-01' },
        { kind: 'issue', date: '2026-10-03', itemId: 'flu', locationId: 'fridge', quantity: 25 },
        { kind: 'adjust', date: '2026-10-04', itemId: 'flu', lotId: 'B', locationId: 'fridge', delta: -1, reason: 'damaged' },
        { kind: 'transfer', date: '2026-10-05', itemId: 'flu', lotId: 'B', from: 'fridge', to: 'closet', quantity: 4 },
        { kind: 'waste', date: '2026-10-06', itemId: 'flu', lotId: 'B', locationId: 'closet', quantity: 4, reason: 'damaged' },
      ],
    });
    expect(state.issues).toEqual([]);
    expect(state.stock.map((lot) => [lot.lotId, lot.locationId, lot.quantity])).toEqual([['B', 'fridge', 20]]);
    expect(state.totals.get('flu' as Item['id'])).toEqual({ received: 50, issued: 25, wasted: 4, adjusted: -1 });
  });

  it('reports bad movements with their paths and still applies the rest', () => {
    const state = replayLedger({
      items,
      locations,
      movements: [
        { kind: 'receive', date: '2026-10-01', itemId: 'gloves', lotId: 'G1', locationId: 'closet', quantity: 500, expires: null },
        { kind: 'issue', date: '2026-10-02', itemId: 'gloves', locationId: 'closet', quantity: -5 },
        { kind: 'issue', date: '2026-13-02', itemId: 'gloves', locationId: 'closet', quantity: 5 },
        { kind: 'issue', date: '2026-10-02', itemId: 'masks', locationId: 'closet', quantity: 5 },
        { kind: 'issue', date: '2026-10-02', itemId: 'gloves', locationId: 'attic', quantity: 5 },
        { kind: 'issue', date: '2026-10-02', itemId: 'gloves', locationId: 'closet', quantity: 900 },
        { kind: 'waste', date: '2026-10-02', itemId: 'gloves', lotId: 'NOPE', locationId: 'closet', quantity: 1, reason: 'expired' },
        { kind: 'issue', date: '2026-10-03', itemId: 'gloves', locationId: 'closet', quantity: 100 },
      ],
    });
    expect(state.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['inventory.movement_schema', ['movements', 1, 'quantity']],
      ['inventory.movement_schema', ['movements', 2, 'date']],
      ['inventory.unknown_item', ['movements', 3, 'itemId']],
      ['inventory.unknown_location', ['movements', 4, 'locationId']],
      ['inventory.insufficient_stock', ['movements', 5, 'quantity']],
      ['inventory.unknown_lot', ['movements', 6, 'lotId']],
    ]);
    expect(state.stock[0]?.quantity).toBe(400);
  });

  it('warns when a named expired lot is issued and when the ledger goes back in time', () => {
    const state = replayLedger({
      items,
      locations,
      movements: [
        { kind: 'receive', date: '2026-10-05', itemId: 'flu', lotId: 'A', locationId: 'fridge', quantity: 5, expires: '2026-10-06' },
        { kind: 'issue', date: '2026-10-04', itemId: 'flu', locationId: 'fridge', lotId: 'A', quantity: 1 },
        { kind: 'issue', date: '2026-10-09', itemId: 'flu', locationId: 'fridge', lotId: 'A', quantity: 1 },
      ],
    });
    expect(state.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['inventory.out_of_order', 'warning', ['movements', 1, 'date']],
      ['inventory.expired_issue', 'warning', ['movements', 2, 'lotId']],
    ]);
  });

  it('rejects a second receipt of a lot with a different expiry', () => {
    const state = replayLedger({
      items,
      locations,
      movements: [
        { kind: 'receive', date: '2026-10-01', itemId: 'flu', lotId: 'A', locationId: 'fridge', quantity: 5, expires: '2027-01-01' },
        { kind: 'receive', date: '2026-10-02', itemId: 'flu', lotId: 'A', locationId: 'fridge', quantity: 5, expires: '2027-02-01' },
      ],
    });
    expect(state.issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.lot_conflict', ['movements', 1, 'expires']]]);
  });

  describe('properties', () => {
    const lotIds = ['L1', 'L2', 'L3'] as const;
    const expiries: Record<string, string> = { L1: '2026-12-01', L2: '2027-01-01', L3: '2027-06-01' };
    const movement = fc.oneof(
      fc.record({ kind: fc.constant('receive'), lotId: fc.constantFrom(...lotIds), quantity: fc.integer({ min: 1, max: 50 }), at: fc.constantFrom('closet', 'fridge') }),
      fc.record({ kind: fc.constant('issue'), quantity: fc.integer({ min: 1, max: 40 }), at: fc.constantFrom('closet', 'fridge') }),
      fc.record({ kind: fc.constant('waste'), lotId: fc.constantFrom(...lotIds), quantity: fc.integer({ min: 1, max: 10 }), at: fc.constantFrom('closet', 'fridge') }),
      fc.record({ kind: fc.constant('adjust'), lotId: fc.constantFrom(...lotIds), delta: fc.integer({ min: -10, max: 10 }).filter((d) => d !== 0), at: fc.constantFrom('closet', 'fridge') }),
      fc.record({ kind: fc.constant('transfer'), lotId: fc.constantFrom(...lotIds), quantity: fc.integer({ min: 1, max: 20 }), at: fc.constantFrom('closet', 'fridge') }),
    );
    const toMovement = (m: { kind: string; lotId?: string; quantity?: number; delta?: number; at: string }): Record<string, unknown> => {
      const common = { date: '2026-11-02', itemId: 'flu' };
      if (m.kind === 'receive') return { ...common, kind: 'receive', lotId: m.lotId, locationId: m.at, quantity: m.quantity, expires: expiries[m.lotId ?? ''] };
      if (m.kind === 'issue') return { ...common, kind: 'issue', locationId: m.at, quantity: m.quantity };
      if (m.kind === 'waste') return { ...common, kind: 'waste', lotId: m.lotId, locationId: m.at, quantity: m.quantity, reason: 'expired' };
      if (m.kind === 'adjust') return { ...common, kind: 'adjust', lotId: m.lotId, locationId: m.at, delta: m.delta, reason: 'cycle-count' };
      return { ...common, kind: 'transfer', lotId: m.lotId, from: m.at, to: m.at === 'closet' ? 'fridge' : 'closet', quantity: m.quantity };
    };

    it('on hand equals the sum of lot quantities and receipts − issues − waste + adjustments, never negative', () => {
      fc.assert(
        fc.property(fc.array(movement, { maxLength: 60 }), (moves) => {
          const state = replayLedger({ items, locations, movements: moves.map(toMovement) });
          const onHand = state.stock.reduce((sum, lot) => sum + lot.quantity, 0);
          const totals = state.totals.get('flu' as Item['id']) ?? { received: 0, issued: 0, wasted: 0, adjusted: 0 };
          expect(onHand).toBe(totals.received - totals.issued - totals.wasted + totals.adjusted);
          expect(state.stock.every((lot) => lot.quantity > 0)).toBe(true);
        }),
      );
    });

    it('an issue without a lot never leaves an earlier-expiring lot untouched at that location while taking a later one', () => {
      fc.assert(
        fc.property(fc.array(movement, { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (moves, want) => {
          const before = replayLedger({ items, locations, movements: moves.map(toMovement) });
          const issue = { kind: 'issue', date: '2026-11-02', itemId: 'flu', locationId: 'fridge', quantity: want };
          const after = replayLedger({ items, locations, movements: [...moves.map(toMovement), issue] });
          if (after.issues.length > before.issues.length) return;
          const held = (state: typeof before, lot: string): number => state.stock.find((s) => s.lotId === lot && s.locationId === 'fridge')?.quantity ?? 0;
          for (const later of lotIds) {
            if (held(after, later) >= held(before, later)) continue;
            for (const earlier of lotIds) {
              if ((expiries[earlier] as string) < (expiries[later] as string)) expect(held(after, earlier)).toBe(0);
            }
          }
        }),
      );
    });
  });
});

describe('itemStocks', () => {
  it('gathers lots, open purchase orders and allocations per item', () => {
    const ledger = replayLedger({
      items,
      locations,
      movements: [{ kind: 'receive', date: '2026-10-01', itemId: 'flu', lotId: 'A', locationId: 'fridge', quantity: 30, expires: '2027-01-01' }],
    });
    const stock = itemStocks({
      items,
      ledger,
      purchaseOrders: [PurchaseOrderSchema.parse({ id: 'PO-1', itemId: 'flu', quantity: 20, expected: '2026-11-06' }), PurchaseOrderSchema.parse({ id: 'PO-2', itemId: 'flu', quantity: 10, expected: '2026-11-09' })],
      allocations: [AllocationSchema.parse({ itemId: 'flu', quantity: 12 })],
    });
    expect(stock.get('flu' as Item['id'])).toMatchObject({ onOrder: 30, allocated: 12 });
    expect(stock.get('flu' as Item['id'])?.lots.map((lot) => lot.quantity)).toEqual([30]);
    expect(stock.get('gloves' as Item['id'])).toEqual({ lots: [], onOrder: 0, allocated: 0 });
  });
});
