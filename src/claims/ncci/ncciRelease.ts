/** An NCCI PTP release as CMS names its files: `ccipra-v322r0-f1.txt` is version 322, revision 0, part 1. */
export interface NcciRelease {
  readonly version: number;
  readonly revision: number;
}

// `v` starts a word (not the v of `nov`), and the revision's digits end there.
const RELEASE = /(?:^|[^a-z0-9])v(\d{1,4})r(\d{1,2})(?![0-9])/i;

/**
 * The release a CMS NCCI PTP file name carries (`v322r0` in `ccipra-v322r0-f1.txt`), if any.
 *
 * @param fileName - the file's name
 * @returns the release, or undefined when the name carries none
 * @example
 * ```ts
 * ncciReleaseOf('ccipra-v322r0-f1.txt'); // { version: 322, revision: 0 }
 * ncciReleaseOf('ptp.txt'); // undefined
 * ```
 */
export function ncciReleaseOf(fileName: string): NcciRelease | undefined {
  const found = RELEASE.exec(fileName);
  return found === null ? undefined : { version: Number(found[1]), revision: Number(found[2]) };
}

/** Which PTP files to load: the parts of the newest release, and the files of older releases left out. */
export interface NewestRelease {
  /** The newest release's files (every part, `f1` … `f4`), and files whose names carry no release. */
  readonly kept: readonly string[];
  /** Files of older releases, replaced by the newest. */
  readonly replaced: readonly string[];
  /** The newest release found, if any name carries one. */
  readonly release?: NcciRelease;
}

/**
 * Picks the PTP files to load from a folder's names. Each quarterly CMS PTP release is a complete
 * replacement of the one before: it lists every edit with its current effective and deletion dates,
 * including edits deleted or changed retroactively. Loading two releases together would bring back
 * edits the newer one deleted, so only the newest release's parts are kept. A name with no release in
 * it is kept as given.
 *
 * @param fileNames - the PTP file names
 * @returns the names to load and those replaced
 * @example
 * ```ts
 * newestNcciRelease(['ccipra-v321r0-f1.txt', 'ccipra-v322r0-f1.txt', 'ccipra-v322r0-f2.txt']).kept;
 * // ['ccipra-v322r0-f1.txt', 'ccipra-v322r0-f2.txt']
 * ```
 */
export function newestNcciRelease(fileNames: readonly string[]): NewestRelease {
  let newest: NcciRelease | undefined;
  for (const name of fileNames) {
    const release = ncciReleaseOf(name);
    if (release !== undefined && (newest === undefined || compareReleases(release, newest) > 0)) newest = release;
  }
  if (newest === undefined) return { kept: [...fileNames], replaced: [] };
  const latest = newest;
  const isReplaced = (name: string): boolean => {
    const release = ncciReleaseOf(name);
    return release !== undefined && compareReleases(release, latest) < 0;
  };
  return { kept: fileNames.filter((name) => !isReplaced(name)), replaced: fileNames.filter(isReplaced), release: latest };
}

function compareReleases(a: NcciRelease, b: NcciRelease): number {
  return a.version !== b.version ? a.version - b.version : a.revision - b.revision;
}
