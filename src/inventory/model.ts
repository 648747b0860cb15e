import { z } from 'zod';
import type { Brand } from '../core/brand.js';
import { isIsoDate, type IsoDate } from '../core/time.js';
import { ITEM_LIMITS } from './itemLimits.js';

/** An item's id, e.g. `gloves-nitrile-m`. */
export type ItemId = Brand<string, 'ItemId'>;
/** A supplier's id, e.g. `medline`. */
export type SupplierId = Brand<string, 'SupplierId'>;
/** A storage location's id, e.g. `supply-closet`. */
export type LocationId = Brand<string, 'LocationId'>;
/** A lot's id (the manufacturer's lot number, or one the office assigns). */
export type LotId = Brand<string, 'LotId'>;

const id = z.string().trim().min(1);

/**
 * Parses an item id, trimming spaces; an empty id fails.
 *
 * @example
 * ```ts
 * ItemIdSchema.parse('gloves-m');
 * ```
 */
export const ItemIdSchema = id.transform((value) => value as ItemId);
/**
 * Parses a supplier id, trimming spaces; an empty id fails.
 *
 * @example
 * ```ts
 * SupplierIdSchema.parse('medline');
 * ```
 */
export const SupplierIdSchema = id.transform((value) => value as SupplierId);
/**
 * Parses a location id, trimming spaces; an empty id fails.
 *
 * @example
 * ```ts
 * LocationIdSchema.parse('closet');
 * ```
 */
export const LocationIdSchema = id.transform((value) => value as LocationId);
/**
 * Parses a lot id, trimming spaces; an empty id fails.
 *
 * @example
 * ```ts
 * LotIdSchema.parse('L2291');
 * ```
 */
export const LotIdSchema = id.transform((value) => value as LotId);

/**
 * A calendar date `YYYY-MM-DD` (checked against the calendar, so `2026-02-30` fails).
 *
 * @example
 * ```ts
 * IsoDateSchema.parse('2026-11-02');
 * ```
 */
export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'not a calendar date (YYYY-MM-DD)' }).transform((value) => value as IsoDate);

/**
 * The service an item's stock must give: `cycle` is the chance of no stock-out in a replenishment
 * cycle (type 1), `fill` the share of demand met from the shelf (type 2).
 *
 * @example
 * ```ts
 * ServiceTargetSchema.parse({ kind: 'fill', target: 0.98 });
 * ```
 */
export const ServiceTargetSchema = z.object({
  kind: z.enum(['cycle', 'fill']),
  target: z.number().gt(0).lt(1),
});
/** A service target, see {@link ServiceTargetSchema}. */
export type ServiceTarget = z.infer<typeof ServiceTargetSchema>;

/**
 * How an item is replenished: continuous review `(s, Q)` or `(s, S)`, periodic review `(R, S)`,
 * or topping up to a fixed par level at each review.
 *
 * @example
 * ```ts
 * ReplenishmentSchema.parse({ kind: 'periodic', reviewDays: 7 });
 * ```
 */
export const ReplenishmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sQ') }),
  z.object({ kind: z.literal('sS') }),
  z.object({ kind: z.literal('periodic'), reviewDays: z.number().int().positive().max(ITEM_LIMITS.leadTimeDays) }),
  z.object({ kind: z.literal('par'), reviewDays: z.number().int().positive().max(ITEM_LIMITS.leadTimeDays), parLevel: z.number().int().nonnegative().max(ITEM_LIMITS.units) }),
]);
/** A replenishment rule, see {@link ReplenishmentSchema}. */
export type Replenishment = z.infer<typeof ReplenishmentSchema>;

/**
 * A stocked supply: how it is counted and bought, how long it takes to arrive, how long it keeps,
 * and the service its stock must give. Quantities are in `unit`s; a pack holds `packSize` units.
 * Figures past {@link ITEM_LIMITS} are refused. `shortageCostCents`, the cost of a unit short, lets a perishable that cannot outlast a cycle be
 * ordered by the newsvendor rule instead of its service target. `stockedSince`, the first day the
 * item was kept, starts its usage history there: an item added partway through the history is not
 * forecast as one that sat unused before.
 *
 * @example
 * ```ts
 * const gloves = ItemSchema.parse({
 *   id: 'gloves-m', name: 'Nitrile gloves, medium', unit: 'glove', packSize: 100,
 *   unitCostCents: 9, supplier: 'medline', leadTime: { meanDays: 3, sdDays: 1 },
 * });
 * ```
 */
export const ItemSchema = z.object({
  id: ItemIdSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  packSize: z.number().int().positive().max(ITEM_LIMITS.units),
  unitCostCents: z.number().int().nonnegative().max(ITEM_LIMITS.cents),
  minimumOrder: z.number().int().nonnegative().max(ITEM_LIMITS.units).default(0),
  supplier: SupplierIdSchema,
  leadTime: z.object({
    meanDays: z.number().nonnegative().max(ITEM_LIMITS.leadTimeDays),
    sdDays: z.number().nonnegative().max(ITEM_LIMITS.leadTimeDays).default(0),
  }),
  shelfLifeDays: z.number().int().positive().max(ITEM_LIMITS.shelfLifeDays).nullable().default(null),
  orderCostCents: z.number().int().nonnegative().max(ITEM_LIMITS.cents).default(1500),
  holdingRatePerYear: z.number().nonnegative().default(0.25),
  service: ServiceTargetSchema.default({ kind: 'fill', target: 0.98 }),
  replenishment: ReplenishmentSchema.default({ kind: 'periodic', reviewDays: 7 }),
  seasonal: z.boolean().default(false),
  trend: z.boolean().default(false),
  criticality: z.number().positive().default(1),
  shortageCostCents: z.number().int().positive().max(ITEM_LIMITS.cents).nullable().default(null),
  stockedSince: IsoDateSchema.nullable().default(null),
});
/** A stocked supply, see {@link ItemSchema}. */
export type Item = z.infer<typeof ItemSchema>;
/** What {@link ItemSchema} accepts (defaults not yet applied). */
export type ItemInput = z.input<typeof ItemSchema>;

/**
 * A place stock is kept.
 *
 * @example
 * ```ts
 * LocationSchema.parse({ id: 'closet', name: 'Supply closet' });
 * ```
 */
export const LocationSchema = z.object({ id: LocationIdSchema, name: z.string().min(1) });
/** A place stock is kept. */
export type Location = z.infer<typeof LocationSchema>;

/**
 * A lot of an item: units made together, sharing one expiry date (`null` when it does not expire).
 *
 * @example
 * ```ts
 * LotSchema.parse({ id: 'FLU-2291', itemId: 'flu-vaccine', expires: '2027-06-30' });
 * ```
 */
export const LotSchema = z.object({ id: LotIdSchema, itemId: ItemIdSchema, expires: IsoDateSchema.nullable() });
/** A lot, see {@link LotSchema}. */
export type Lot = z.infer<typeof LotSchema>;

/**
 * An open purchase-order line: units ordered and not yet received.
 *
 * @example
 * ```ts
 * PurchaseOrderSchema.parse({ id: 'PO-7', itemId: 'gloves-m', quantity: 500, expected: '2026-11-05' });
 * ```
 */
export const PurchaseOrderSchema = z.object({
  id: z.string().min(1),
  itemId: ItemIdSchema,
  quantity: z.number().int().positive(),
  expected: IsoDateSchema,
});
/** An open purchase-order line. */
export type PurchaseOrder = z.infer<typeof PurchaseOrderSchema>;

/**
 * Units promised to a purpose (a booked procedure, a vaccine clinic) and so not free to use.
 *
 * @example
 * ```ts
 * AllocationSchema.parse({ itemId: 'flu-vaccine', quantity: 40 });
 * ```
 */
export const AllocationSchema = z.object({ itemId: ItemIdSchema, quantity: z.number().int().positive() });
/** Units promised and not free to use. */
export type Allocation = z.infer<typeof AllocationSchema>;
