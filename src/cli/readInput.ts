import type { CliIo } from './command.js';

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'is a folder, not a file',
  ENOENT: 'does not exist',
  ENOTDIR: 'is not a file: a part of its path is not a folder',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
};

/**
 * Why an input file could not be read, naming it, with the file system's codes spelled out
 * (`clinic.json is a folder, not a file`).
 *
 * @param error - what reading threw
 * @param path - the path as the user gave it
 * @returns the message
 * @example
 * ```ts
 * readFailure(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), 'items.csv'); // 'items.csv is a folder, not a file'
 * ```
 */
export function readFailure(error: unknown, path: string): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  if (reason !== undefined) return `${path} ${reason}`;
  return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/** An input that could not be read or parsed; its message names the file. */
export class InputFileError extends Error {}

/**
 * Reads a text input, naming the file in the error when it cannot be read.
 *
 * @throws InputFileError with a message naming the file
 * @example
 * ```ts
 * const csv = await readInputText(io, 'items.csv');
 * ```
 */
export async function readInputText(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    throw new InputFileError(readFailure(error, path));
  }
}

/**
 * Reads a JSON input file: a UTF-8 byte-order mark at the start (as Windows editors write) is
 * skipped, and an unreadable file or malformed JSON is an error naming the file.
 *
 * @throws InputFileError with a message naming the file
 * @example
 * ```ts
 * const clinic = await readJsonFile(io, 'clinic.json');
 * ```
 */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  const read = await readInputText(io, path);
  const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(`${path} is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
}
