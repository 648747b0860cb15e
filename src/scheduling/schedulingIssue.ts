import type { Issue, IssuePath } from '../core/issue.js';

/**
 * A scheduling finding: a core issue, plus for conflicts the id of the appointment or resource
 * that stands in the way, so callers can act on it without reading the message.
 *
 * @example
 * ```ts
 * const found: SchedulingIssue = { code: 'booking.provider_conflict', severity: 'error', path: ['start'],
 *   message: 'overlaps a7', conflictsWith: 'a7' };
 * ```
 */
export interface SchedulingIssue extends Issue {
  /** The clashing appointment (provider conflicts) or resource (capacity conflicts). */
  readonly conflictsWith?: string;
}

/**
 * Builds an error-severity conflict issue naming what it clashes with.
 *
 * @param code - a stable code such as `booking.provider_conflict`
 * @param path - where in the request
 * @param conflictsWith - the clashing appointment or resource id
 * @param message - a sentence for a person
 * @example
 * ```ts
 * conflictIssue('booking.resource_conflict', ['resourceIds', 0], 'room-1', 'room-1 is full then');
 * ```
 */
export function conflictIssue(code: string, path: IssuePath, conflictsWith: string, message: string): SchedulingIssue {
  return { code, severity: 'error', path, message, conflictsWith };
}
