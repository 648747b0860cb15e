import { constants } from 'node:fs';
import { access, chmod, chown, mkdtemp, open, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errorIssue, type Issue } from '../core/issue.js';

/**
 * Why an output file was not written: it is one of the command's inputs, it already exists (and
 * replacing was not asked for), or the system refused to write it.
 *
 * @example
 * ```ts
 * const code: OutputFileCode = 'output.exists';
 * ```
 */
export type OutputFileCode = 'output.is_input' | 'output.exists' | 'output.unwritable';

/**
 * A refusal or failure to write an output file; the message names the file and says why in words.
 *
 * @example
 * ```ts
 * const issue: OutputFileIssue = { code: 'output.exists', severity: 'error', path: [],
 *   message: "cannot write 'chain.ndjson': it already exists; pass --force to replace it" };
 * ```
 */
export type OutputFileIssue = Issue<OutputFileCode>;

/**
 * How {@link writeOutputFile} may write.
 *
 * @example
 * ```ts
 * const options: OutputFileOptions = { force: false, inputs: ['clinic-records.db', 'clinic-records.db-wal'] };
 * ```
 */
export interface OutputFileOptions {
  /** Replace a file already at the path (atomically, through a new file renamed over it). */
  readonly force: boolean;
  /** Files the output must never land on, such as the database being read and its side files. */
  readonly inputs: readonly string[];
}

const REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'it already exists; pass --force to replace it',
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Why a file could not be written, the file system's code spelled out (`its folder does not exist`).
 *
 * @param error - what writing threw
 * @returns the reason
 * @example
 * ```ts
 * writeFailureReason(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })); // 'its folder does not exist'
 * ```
 */
export function writeFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? (REASONS[code] ?? `the system refused (${code})`) : 'the system refused';
}

function unwritable(path: string, error: unknown): OutputFileIssue {
  const code = (error as { code?: unknown } | undefined)?.code;
  return errorIssue(code === 'EEXIST' ? 'output.exists' : 'output.unwritable', [], `cannot write '${path}': ${writeFailureReason(error)}`);
}

/** The path with its folder's links resolved; the file itself need not exist. */
async function resolvedPath(path: string): Promise<string> {
  const absolute = resolve(path);
  const whole = await realpath(absolute).catch(() => undefined);
  if (whole !== undefined) return whole;
  const folder = await realpath(dirname(absolute)).catch(() => dirname(absolute));
  return join(folder, basename(absolute));
}

/**
 * Whether two paths name the same file: the same device and inode when both exist (symbolic and
 * hard links included), otherwise the same real path.
 *
 * @example
 * ```ts
 * await samePlace('report.html', './report.html'); // true
 * ```
 */
export async function samePlace(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  if (first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino) return true;
  return (await resolvedPath(a)) === (await resolvedPath(b));
}

/**
 * Writes a file that must not exist yet (failing with `EEXIST` if it does); if the write fails
 * part-way, the part written is removed, so no cut-off file is left behind.
 *
 * @param path - where to write
 * @param text - the whole content, written as UTF-8
 * @example
 * ```ts
 * await writeNewFile('report.html', html); // rejects with code EEXIST when report.html is there
 * ```
 */
export async function writeNewFile(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}

/**
 * Replaces a file (or creates it) all at once: the text is written to a new file in the same
 * folder, which is then renamed over the target, so a write that fails part-way (a full disk, a
 * file-size limit) leaves the old file as it was. A symbolic link is followed and the file it
 * names is replaced; an existing file keeps its permissions and owner, and a read-only one is
 * refused (`EACCES`); a link to a file not there yet makes that file, the link left as it is. Where renaming would change what the name is, the file is written in place
 * instead (without that protection): a device or a pipe (written to, never replaced), a file with
 * other hard links (which go on sharing it), a file whose owner could not be kept, and a file in a
 * folder where no new file can be made.
 *
 * @param path - the file to replace
 * @param text - the whole new content, written as UTF-8
 * @example
 * ```ts
 * await replaceFile('clinic.json', `${JSON.stringify(clinic, null, 2)}\n`);
 * ```
 */
export async function replaceFile(path: string, text: string): Promise<void> {
  const target = await linkTarget(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined) {
    if (!existing.isFile()) return writeFile(target, text, 'utf8');
    await access(target, constants.W_OK);
    if (existing.nlink > 1) return writeFile(target, text, 'utf8');
  }
  let scratch: string;
  try {
    scratch = await mkdtemp(join(dirname(target), '.medoffice-out-'));
  } catch (error) {
    if (existing !== undefined && isDenied(error)) return writeFile(target, text, 'utf8');
    throw error;
  }
  try {
    const fresh = join(scratch, 'out');
    await writeNewFile(fresh, text);
    if (existing !== undefined) {
      await chmod(fresh, existing.mode & 0o7777);
      const kept = await chown(fresh, existing.uid, existing.gid).then(() => true, () => false);
      if (!kept) return await writeFile(target, text, 'utf8');
    }
    await rename(fresh, target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// The file a path names, its symbolic links followed, even when the last one points at a file not
// made yet (so the link stays a link and the file is made where it points).
async function linkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const real = await realpath(current).catch(() => undefined);
    if (real !== undefined) return real;
    const link = await readlink(current).catch(() => undefined);
    if (link === undefined) return current;
    current = resolve(dirname(current), link);
  }
  return current;
}

function isDenied(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * Writes a text file for a command's `--out`, never onto one of its inputs (compared by device and
 * inode, and by the path with links resolved) and never over an existing file unless `force` is set.
 *
 * @param path - where to write
 * @param text - the whole content, written as UTF-8
 * @param options - whether to replace an existing file, and the files to keep safe
 * @returns undefined once written, or an issue naming the file: `output.is_input`, `output.exists`
 *   or `output.unwritable` (with the reason in words)
 * @example
 * ```ts
 * const issue = await writeOutputFile('chain.ndjson', text, { force: false, inputs: ['clinic-records.db'] });
 * if (issue !== undefined) console.error(issue.message);
 * ```
 */
export async function writeOutputFile(path: string, text: string, options: OutputFileOptions): Promise<OutputFileIssue | undefined> {
  if (path === '') return errorIssue('output.unwritable', [], 'cannot write to an empty file name');
  for (const input of options.inputs) {
    if (await samePlace(path, input)) return errorIssue('output.is_input', [], `refusing to write '${path}': it is ${input === path ? 'the file being read' : `the same file as '${input}', which is being read`}`);
  }
  if ((await stat(path).catch(() => undefined))?.isDirectory() === true) return unwritable(path, { code: 'EISDIR' });
  try {
    await (options.force ? replaceFile(path, text) : writeNewFile(path, text));
    return undefined;
  } catch (error) {
    return unwritable(path, error);
  }
}
