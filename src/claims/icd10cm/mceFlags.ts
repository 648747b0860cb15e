/**
 * The Medicare Code Editor (MCE) diagnosis edit flags the code tables carry, in bit order.
 * A code's flags in force on a date are a bit mask over this list.
 *
 * @example
 * ```ts
 * MCE_FLAGS.indexOf('manifestation'); // its bit number
 * ```
 */
export const MCE_FLAGS = [
  'ecodepdx',
  'manifestation',
  'unacceptable',
  'newborn',
  'pediatric',
  'maternity',
  'adult',
  'male',
  'female',
  'unspecified',
  'qadm',
  'diabtypeI',
  'delout',
  'ncov_z302',
  'ncov6',
  'ncov7',
  'wrngproc',
  'reqsdx',
  'clintrial',
] as const;

/** One MCE edit flag name. */
export type MceFlag = (typeof MCE_FLAGS)[number];

/**
 * The bit of one MCE flag in a flag mask.
 *
 * @example
 * ```ts
 * (mask & mceFlagBit('female')) !== 0; // the code carries the female-only edit
 * ```
 */
export function mceFlagBit(flag: MceFlag): number {
  return 1 << MCE_FLAGS.indexOf(flag);
}
