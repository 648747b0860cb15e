import type { LedgerState } from './ledger.js';
import type { Allocation, Item, ItemId, PurchaseOrder } from './model.js';
import type { ItemStock } from './planItem.js';

/**
 * Gathers each item's stock for the planner: its lots from a replayed ledger, the units on its open
 * purchase-order lines, and the units allocated to it.
 *
 * @param input - the items, the ledger's state, open purchase orders and allocations
 * @returns one {@link ItemStock} per item id (items with nothing get empty stock)
 * @example
 * ```ts
 * const stock = itemStocks({ items, ledger: replayLedger({ items, locations, movements }), purchaseOrders, allocations });
 * planInventory({ items, usage, stock }, { asOf: '2026-11-02' });
 * ```
 */
export function itemStocks(input: {
  readonly items: readonly Item[];
  readonly ledger: LedgerState;
  readonly purchaseOrders?: readonly PurchaseOrder[];
  readonly allocations?: readonly Allocation[];
}): Map<ItemId, ItemStock> {
  const stocks = new Map<ItemId, { lots: ItemStock['lots'][number][]; onOrder: number; allocated: number }>();
  for (const item of input.items) stocks.set(item.id, { lots: [], onOrder: 0, allocated: 0 });
  for (const lot of input.ledger.stock) stocks.get(lot.itemId)?.lots.push(lot);
  for (const line of input.purchaseOrders ?? []) {
    const stock = stocks.get(line.itemId);
    if (stock !== undefined) stock.onOrder += line.quantity;
  }
  for (const allocation of input.allocations ?? []) {
    const stock = stocks.get(allocation.itemId);
    if (stock !== undefined) stock.allocated += allocation.quantity;
  }
  return stocks;
}
