import type { ItemId, SupplierId } from './model.js';
import type { OrderReason } from './orderReason.js';
import type { ItemPlan } from './planItem.js';

/** One line of a draft purchase order. */
export interface PurchaseOrderLine {
  readonly itemId: ItemId;
  readonly unit: string;
  readonly packs: number;
  readonly packSize: number;
  readonly quantity: number;
  readonly unitCostCents: number;
  readonly lineCents: number;
  /** Why this quantity: forecast, safety stock, position, rule, rounding, expiry cap, budget cut. */
  readonly reasons: readonly OrderReason[];
}

/** A draft purchase order for one supplier. */
export interface PurchaseOrderDraft {
  readonly supplier: SupplierId;
  readonly lines: readonly PurchaseOrderLine[];
  readonly totalCents: number;
}

/**
 * Groups the plans' orders into one draft purchase order per supplier (suppliers and lines in id
 * order), leaving out items with nothing to order. Each line keeps its reasons.
 *
 * @param plans - item plans, after any budget cut
 * @example
 * ```ts
 * for (const draft of purchaseOrderDrafts(funded.plans)) console.log(draft.supplier, draft.totalCents);
 * ```
 */
export function purchaseOrderDrafts(plans: readonly ItemPlan[]): PurchaseOrderDraft[] {
  const bySupplier = new Map<SupplierId, PurchaseOrderLine[]>();
  for (const plan of plans) {
    if (plan.order.quantity <= 0) continue;
    const lines = bySupplier.get(plan.supplier) ?? [];
    lines.push({
      itemId: plan.itemId,
      unit: plan.unit,
      packs: plan.order.packs,
      packSize: plan.packSize,
      quantity: plan.order.quantity,
      unitCostCents: plan.unitCostCents,
      lineCents: plan.order.quantity * plan.unitCostCents,
      reasons: plan.reasons,
    });
    bySupplier.set(plan.supplier, lines);
  }
  return [...bySupplier.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([supplier, lines]) => {
      const sorted = lines.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
      return { supplier, lines: sorted, totalCents: sorted.reduce((sum, line) => sum + line.lineCents, 0) };
    });
}
