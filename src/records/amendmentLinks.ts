import type { Amendment } from './amendmentLog.js';
import type { VersionMeta } from './versionMeta.js';

/**
 * Marks each version's metadata with the amendments that concern it (`amendments`: id and status, and
 * `disagreement: true` once the individual filed a statement of disagreement), as 164.526(c)(1) and
 * (d)(5) ask the record to link them.
 *
 * @param metas - versions' metadata
 * @param amendments - the record's own amendments
 * @returns the metadata, marked
 * @example
 * ```ts
 * markAmended([meta2], amendments); // [{ ...meta2, amendments: [{ id: 'p1-amendment-1', status: 'denied' }] }]
 * ```
 */
export function markAmended(metas: readonly VersionMeta[], amendments: readonly Amendment[]): VersionMeta[] {
  if (amendments.length === 0) return [...metas];
  return metas.map((meta) => {
    const links = amendments
      .filter((a) => a.version === meta.version && a.recordId === meta.id)
      .map((a) => ({ id: a.id, status: a.status, ...(a.disagreement !== undefined ? { disagreement: true as const } : {}) }));
    return links.length === 0 ? meta : { ...meta, amendments: links };
  });
}
