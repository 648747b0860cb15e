import { match } from 'ts-pattern';

/** The HL levels of an 837P: billing provider (loop 2000A), subscriber (2000B) and patient (2000C). */
export type LevelCode = '20' | '22' | '23';

/** One HL level as read: its id (HL01), its level code (HL03) and whether it could be placed. */
export interface HlLevel {
  readonly id: string;
  readonly code: string;
  /** Position of the rejected HL segment at or above this level, 0 when the whole path is sound. */
  readonly rejected: number;
}

/**
 * The HL levels open above the next segment: the latest billing provider level, the latest
 * subscriber level under it and the latest patient level under that, and the level the next
 * segments belong to. Only this path is kept, since an HL can only hang under a level still open.
 */
export interface OpenLevels {
  readonly billing?: HlLevel;
  readonly subscriber?: HlLevel;
  readonly patient?: HlLevel;
  readonly current?: HlLevel;
}

/** The HL elements {@link placeLevel} reads. */
export interface HlSegment {
  /** HL01, the level's id. */
  readonly id: string;
  /** HL02, the id of the parent level (empty for a billing provider level). */
  readonly parent: string;
  /** HL03, the level code. */
  readonly code: string;
  /** The HL segment's position in the interchange. */
  readonly position: number;
}

/** What an HL segment does: the levels now open, and why the HL was rejected if it was. */
export interface PlacedLevel {
  readonly open: OpenLevels;
  readonly problem?: string;
}

const LEVEL_NAMES: Readonly<Record<string, string>> = { '20': 'billing provider level (20)', '22': 'subscriber level (22)', '23': 'patient level (23)' };

/**
 * Places an HL segment in the 837P hierarchy: a billing provider level (20) has no parent, a
 * subscriber level (22) hangs under a billing provider level, and a patient level (23) under a
 * subscriber level. An HL whose HL02 names no open level, or a level of the wrong kind (a 23
 * directly under a 20), is rejected, and so is every level under a rejected one (without a
 * problem of its own).
 *
 * @param open - the levels open before the segment
 * @param hl - the HL segment's elements
 * @returns the levels open after it; `open.current.rejected` is non-zero when claims under it cannot be placed
 * @example
 * ```ts
 * const first = placeLevel({}, { id: '1', parent: '', code: '20', position: 5 });
 * placeLevel(first.open, { id: '2', parent: '1', code: '23', position: 9 }).problem;
 * // 'HL 2, a patient level (23), hangs under HL 1, a billing provider level (20); …'
 * ```
 */
export function placeLevel(open: OpenLevels, hl: HlSegment): PlacedLevel {
  const code = hl.code;
  if (code !== '20' && code !== '22' && code !== '23') {
    return { open: { ...open, current: { id: hl.id, code, rejected: hl.position } }, problem: `HL level ${code} is not 20, 22 or 23` };
  }
  const parent = code === '20' ? undefined : openLevel(open, hl.parent);
  const problem = hl.id === '' ? `HL01 (the id of this ${LEVEL_NAMES[code]}) is missing` : parentProblem(hl, code, parent);
  const level: HlLevel = { id: hl.id, code, rejected: problem === undefined ? (parent?.rejected ?? 0) : hl.position };
  const placed = levelsWith(open, level, code);
  return problem === undefined ? { open: placed } : { open: placed, problem };
}

/** The open levels once `level` is placed: it closes the levels below its own kind. */
function levelsWith(open: OpenLevels, level: HlLevel, code: LevelCode): OpenLevels {
  return match(code)
    .with('20', () => ({ billing: level, current: level }))
    .with('22', () => (open.billing === undefined ? { subscriber: level, current: level } : { billing: open.billing, subscriber: level, current: level }))
    .with('23', () => ({ ...open, patient: level, current: level }))
    .exhaustive();
}

function openLevel(open: OpenLevels, id: string): HlLevel | undefined {
  if (open.billing?.id === id) return open.billing;
  if (open.subscriber?.id === id) return open.subscriber;
  return open.patient?.id === id ? open.patient : undefined;
}

function parentProblem(hl: HlSegment, code: LevelCode, parent: HlLevel | undefined): string | undefined {
  const wanted = code === '22' ? '20' : '22';
  if (code === '20' ? hl.parent === '' : parent?.code === wanted) return undefined;
  const name = `HL ${hl.id}, a ${LEVEL_NAMES[code]}`;
  if (code === '20') return `${name}, is the top of its hierarchy, but HL02 names a parent (${hl.parent})`;
  if (hl.parent === '') return `${name}, has no parent id (HL02); it belongs under a ${LEVEL_NAMES[wanted]}`;
  if (parent === undefined) return `${name}, names parent HL ${hl.parent} (HL02), which is not a level open above it`;
  return `${name}, hangs under HL ${parent.id}, a ${LEVEL_NAMES[parent.code] ?? `level ${parent.code}`}; it belongs under a ${LEVEL_NAMES[wanted]}`;
}

