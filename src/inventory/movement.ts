import { z } from 'zod';
import { IsoDateSchema, ItemIdSchema, LocationIdSchema, LotIdSchema } from './model.js';

const base = { date: IsoDateSchema, itemId: ItemIdSchema };
const units = z.number().int().positive();

/**
 * Why a count was adjusted.
 *
 * @example
 * ```ts
 * AdjustReasonSchema.parse('cycle-count');
 * ```
 */
export const AdjustReasonSchema = z.enum(['cycle-count', 'damaged', 'found', 'correction', 'sample']);
/**
 * Why stock was thrown away.
 *
 * @example
 * ```ts
 * WasteReasonSchema.parse('expired');
 * ```
 */
export const WasteReasonSchema = z.enum(['expired', 'damaged', 'recalled', 'contaminated']);

/**
 * One entry of the stock ledger: a receipt (which opens a lot), an issue for use (first expiry,
 * first out when no lot is named), a transfer between locations, a count adjustment with its
 * reason, or waste (expired, damaged, recalled).
 *
 * @example
 * ```ts
 * MovementSchema.parse({
 *   kind: 'receive', date: '2026-11-02', itemId: 'gloves-m', lotId: 'G1',
 *   locationId: 'closet', quantity: 1000, expires: '2029-01-31',
 * });
 * ```
 */
export const MovementSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('receive'),
    ...base,
    lotId: LotIdSchema,
    locationId: LocationIdSchema,
    quantity: units,
    expires: IsoDateSchema.nullable(),
    purchaseOrderId: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('issue'), ...base, locationId: LocationIdSchema, quantity: units, lotId: LotIdSchema.optional() }),
  z.object({
    kind: z.literal('transfer'),
    ...base,
    lotId: LotIdSchema,
    from: LocationIdSchema,
    to: LocationIdSchema,
    quantity: units,
  }),
  z.object({
    kind: z.literal('adjust'),
    ...base,
    lotId: LotIdSchema,
    locationId: LocationIdSchema,
    delta: z.number().int().refine((value) => value !== 0, { message: 'an adjustment must change the count' }),
    reason: AdjustReasonSchema,
    note: z.string().optional(),
  }),
  z.object({ kind: z.literal('waste'), ...base, lotId: LotIdSchema, locationId: LocationIdSchema, quantity: units, reason: WasteReasonSchema }),
]);
/** One ledger entry, see {@link MovementSchema}. */
export type Movement = z.infer<typeof MovementSchema>;
