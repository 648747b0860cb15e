import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { CliIo } from './command.js';
import { replaceFile, writeNewFile } from './outputFile.js';
import { utf8Chunks, utf8Text } from './utf8Text.js';

async function readAll(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return utf8Text(Buffer.concat(chunks));
}

async function* textChunks(path: string): AsyncIterable<string> {
  const source = path === '-' ? process.stdin : createReadStream(path);
  const decode = utf8Chunks();
  for await (const chunk of source) yield decode(chunk as Buffer);
  const rest = decode();
  if (rest !== '') yield rest;
}

/**
 * A writer to a standard stream that goes quiet once the reader has gone (EPIPE, as when the output is
 * piped into `head`); any other failure of the stream is still thrown.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return (text) => {
    if (!stream.destroyed) stream.write(text);
  };
}

/**
 * The real process's input and output, for the `medoffice` binary.
 *
 * @example
 * ```ts
 * await runCli(process.argv.slice(2), nodeIo(), commands, VERSION);
 * ```
 */
export function nodeIo(): CliIo {
  return {
    out: quietWhenClosed(process.stdout),
    err: quietWhenClosed(process.stderr),
    readText: async (path) => (path === '-' ? readAll(process.stdin) : utf8Text(await readFile(path))),
    writeText: (path, text, options) => (options?.replace === true ? replaceFile(path, text) : writeNewFile(path, text)),
    readStream: textChunks,
    today: (zone) => (zone === undefined ? DateTime.local() : DateTime.now().setZone(zone)).toISODate() ?? DateTime.local().toISODate() ?? '1970-01-01',
    now: (zone) => {
      const instant = (zone === undefined ? DateTime.local() : DateTime.now().setZone(zone)).startOf('second');
      return (instant.isValid ? instant : DateTime.local().startOf('second')).toISO({ suppressMilliseconds: true }) ?? '';
    },
  };
}
