import type { AppointmentType } from './clinic.js';
import type { ResourceId } from './ids.js';

/**
 * What an overbooking takes of its holder's rooms and equipment.
 *
 * @example
 * ```ts
 * const share: ResourceShare = { resourceIds: ['room-1'] as ResourceId[], unmet: [] };
 * ```
 */
export interface ResourceShare {
  /** One resource for each requirement of the overbooking's type that the offer meets, in requirement order. */
  readonly resourceIds: readonly ResourceId[];
  /** The indexes of the requirements that none of the offered resources meets. */
  readonly unmet: readonly number[];
}

/**
 * The rooms and equipment an overbooking shares with its holder: for each resource requirement of
 * the overbooking's own type, one of the holder's resources that meets it (one the overbooking
 * already lists first, then the requirement's order), and nothing the type does not require. A
 * requirement none of the holder's resources meets is listed in `unmet`; the overbooking is then
 * refused. Since a resource meets at most one requirement of a type (`schedule.shared_requirement`),
 * no resource is taken twice.
 *
 * @param type - the overbooking's appointment type
 * @param offered - the holder's resources
 * @param preferred - resources the overbooking already holds, kept when they still serve
 * @returns the resources taken and the unmet requirements
 * @example
 * ```ts
 * // A follow-up (one exam room) over a scan holding room-1 and the ultrasound takes room-1 alone.
 * resourceShare(followUp, ['room-1', 'ultrasound']); // { resourceIds: ['room-1'], unmet: [] }
 * ```
 */
export function resourceShare(type: AppointmentType, offered: readonly string[], preferred: readonly string[] = []): ResourceShare {
  const resourceIds: ResourceId[] = [];
  const unmet: number[] = [];
  type.requiredResources.forEach((requirement, index) => {
    const fitting = requirement.anyOf.filter((id) => offered.includes(id));
    const chosen = fitting.find((id) => preferred.includes(id)) ?? fitting[0];
    if (chosen === undefined) unmet.push(index);
    else resourceIds.push(chosen);
  });
  return { resourceIds, unmet };
}
