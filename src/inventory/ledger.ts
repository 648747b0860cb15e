import { match } from 'ts-pattern';
import { errorIssue, warningIssue, type Issue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import type { IsoDate } from '../core/time.js';
import { pickFirstExpiry, isExpired, type LotStock } from './fefo.js';
import type { Item, ItemId, Location, LocationId, LotId } from './model.js';
import { MovementSchema, type Movement } from './movement.js';

/** Running totals of one item's ledger: receipts − issues − waste + adjustments = on hand. */
export interface ItemTotals {
  readonly received: number;
  readonly issued: number;
  readonly wasted: number;
  readonly adjusted: number;
}

/** The stock a ledger leaves behind, with what was wrong in it. */
export interface LedgerState {
  /** Lots with units left, by item, lot and location. */
  readonly stock: readonly LotStock[];
  /** Totals per item id. */
  readonly totals: ReadonlyMap<ItemId, ItemTotals>;
  /** Issues with paths `['movements', i, field]`; a movement with an error is not applied. */
  readonly issues: readonly Issue[];
}

type Slot = { itemId: ItemId; lotId: LotId; locationId: LocationId; expires: IsoDate | null; quantity: number };
type Totals = { received: number; issued: number; wasted: number; adjusted: number };

interface Book {
  readonly slots: Map<string, Slot>;
  readonly lotExpiry: Map<string, IsoDate | null>;
  readonly totals: Map<ItemId, Totals>;
  readonly items: ReadonlySet<string>;
  readonly locations: ReadonlySet<string>;
}

const slotKey = (itemId: string, lotId: string, locationId: string): string => `${itemId}\u0000${lotId}\u0000${locationId}`;
const lotKey = (itemId: string, lotId: string): string => `${itemId}\u0000${lotId}`;

/**
 * Replays a stock ledger in order and returns what is on hand, lot by lot. Every movement is
 * checked on its own: a malformed one, one naming an unknown item, location or lot, or one that
 * takes more than is there is reported with its path and skipped, and the rest still apply.
 * Issues without a lot are filled first expiry, first out.
 *
 * Codes: `inventory.movement_schema`, `inventory.unknown_item`, `inventory.unknown_location`,
 * `inventory.unknown_lot`, `inventory.lot_conflict`, `inventory.insufficient_stock`,
 * `inventory.expired_issue` (warning), `inventory.out_of_order` (warning).
 *
 * @param ledger - the items, locations and movements (movements are untrusted and parsed here)
 * @returns the lots left, totals per item, and the issues found
 * @example
 * ```ts
 * const state = replayLedger({ items, locations, movements });
 * state.stock.filter((lot) => lot.itemId === 'gloves-m');
 * ```
 */
export function replayLedger(ledger: {
  readonly items: readonly Item[];
  readonly locations: readonly Location[];
  readonly movements: readonly unknown[];
}): LedgerState {
  const book: Book = {
    slots: new Map(),
    lotExpiry: new Map(),
    totals: new Map(),
    items: new Set(ledger.items.map((item) => item.id)),
    locations: new Set(ledger.locations.map((location) => location.id)),
  };
  const issues: Issue[] = [];
  let lastDate = '';
  ledger.movements.forEach((raw, index) => {
    const parsed = MovementSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, 'inventory.movement_schema', ['movements', index]));
      return;
    }
    const movement = parsed.data;
    if (movement.date < lastDate) {
      issues.push(warningIssue('inventory.out_of_order', ['movements', index, 'date'], `${movement.date} comes after ${lastDate} in the ledger`));
    } else lastDate = movement.date;
    const found = checkReferences(book, movement, index);
    if (found.length > 0) {
      issues.push(...found);
      return;
    }
    issues.push(...applyMovement(book, movement, index));
  });
  const stock = [...book.slots.values()].filter((slot) => slot.quantity > 0).map((slot) => ({ ...slot }));
  return { stock, totals: book.totals, issues };
}

function checkReferences(book: Book, movement: Movement, index: number): Issue[] {
  const at = (field: string): (string | number)[] => ['movements', index, field];
  const found: Issue[] = [];
  if (!book.items.has(movement.itemId)) found.push(errorIssue('inventory.unknown_item', at('itemId'), `no item '${movement.itemId}'`));
  const places = match(movement)
    .with({ kind: 'transfer' }, (m) => [['from', m.from] as const, ['to', m.to] as const])
    .otherwise((m) => [['locationId', m.locationId] as const]);
  for (const [field, place] of places) {
    if (!book.locations.has(place)) found.push(errorIssue('inventory.unknown_location', at(field), `no location '${place}'`));
  }
  if (movement.kind === 'receive') {
    const known = book.lotExpiry.get(lotKey(movement.itemId, movement.lotId));
    if (known !== undefined && known !== movement.expires) {
      found.push(errorIssue('inventory.lot_conflict', at('expires'), `lot ${movement.lotId} was received before with expiry ${String(known)}`));
    }
  } else if (movement.lotId !== undefined && !book.lotExpiry.has(lotKey(movement.itemId, movement.lotId))) {
    found.push(errorIssue('inventory.unknown_lot', at('lotId'), `no lot '${movement.lotId}' of ${movement.itemId} has been received`));
  }
  return found;
}

function totalsOf(book: Book, itemId: ItemId): Totals {
  let totals = book.totals.get(itemId);
  if (totals === undefined) {
    totals = { received: 0, issued: 0, wasted: 0, adjusted: 0 };
    book.totals.set(itemId, totals);
  }
  return totals;
}

function slotOf(book: Book, itemId: ItemId, lotId: LotId, locationId: LocationId): Slot {
  const key = slotKey(itemId, lotId, locationId);
  let slot = book.slots.get(key);
  if (slot === undefined) {
    slot = { itemId, lotId, locationId, expires: book.lotExpiry.get(lotKey(itemId, lotId)) ?? null, quantity: 0 };
    book.slots.set(key, slot);
  }
  return slot;
}

function shortIssue(index: number, wanted: number, held: number): Issue {
  return errorIssue('inventory.insufficient_stock', ['movements', index, 'quantity'], `wants ${wanted} but only ${held} are there`);
}

function applyMovement(book: Book, movement: Movement, index: number): Issue[] {
  const totals = totalsOf(book, movement.itemId);
  return match(movement)
    .with({ kind: 'receive' }, (m) => {
      book.lotExpiry.set(lotKey(m.itemId, m.lotId), m.expires);
      slotOf(book, m.itemId, m.lotId, m.locationId).quantity += m.quantity;
      totals.received += m.quantity;
      return [];
    })
    .with({ kind: 'issue' }, (m) => applyIssue(book, m, index, totals))
    .with({ kind: 'transfer' }, (m) => {
      const from = slotOf(book, m.itemId, m.lotId, m.from);
      if (from.quantity < m.quantity) return [shortIssue(index, m.quantity, from.quantity)];
      from.quantity -= m.quantity;
      slotOf(book, m.itemId, m.lotId, m.to).quantity += m.quantity;
      return [];
    })
    .with({ kind: 'adjust' }, (m) => {
      const slot = slotOf(book, m.itemId, m.lotId, m.locationId);
      if (slot.quantity + m.delta < 0) return [shortIssue(index, -m.delta, slot.quantity)];
      slot.quantity += m.delta;
      totals.adjusted += m.delta;
      return [];
    })
    .with({ kind: 'waste' }, (m) => {
      const slot = slotOf(book, m.itemId, m.lotId, m.locationId);
      if (slot.quantity < m.quantity) return [shortIssue(index, m.quantity, slot.quantity)];
      slot.quantity -= m.quantity;
      totals.wasted += m.quantity;
      return [];
    })
    .exhaustive();
}

function applyIssue(book: Book, m: Extract<Movement, { kind: 'issue' }>, index: number, totals: Totals): Issue[] {
  if (m.lotId !== undefined) {
    const slot = slotOf(book, m.itemId, m.lotId, m.locationId);
    if (slot.quantity < m.quantity) return [shortIssue(index, m.quantity, slot.quantity)];
    slot.quantity -= m.quantity;
    totals.issued += m.quantity;
    return isExpired(slot.expires, m.date)
      ? [warningIssue('inventory.expired_issue', ['movements', index, 'lotId'], `lot ${m.lotId} expired on ${String(slot.expires)}`)]
      : [];
  }
  const here = [...book.slots.values()].filter((slot) => slot.itemId === m.itemId && slot.locationId === m.locationId);
  const { picks, shortfall } = pickFirstExpiry(here, m.quantity, m.date);
  if (shortfall > 0) return [shortIssue(index, m.quantity, m.quantity - shortfall)];
  for (const pick of picks) slotOf(book, m.itemId, pick.lotId, pick.locationId).quantity -= pick.quantity;
  totals.issued += m.quantity;
  return [];
}
