/**
 * Decodes UTF-8 text strictly, as the CLI reads every input: bytes that are not UTF-8 (a Latin-1
 * `ñ`, a file cut inside a character) are an error naming where they start, never replaced with
 * U+FFFD, so a file written back (`--out`) never loses what it held. A byte-order mark is kept in the
 * text, for the readers that recognise it to say so.
 *
 * @example
 * ```ts
 * const text = utf8Text(await readFile('clinic.json')); // throws on Latin-1 bytes
 * ```
 */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notUtf8(firstInvalidByte(bytes), bytes);
  }
}

/**
 * A strict streaming UTF-8 decoder for chunks of one input: a character split across two chunks is
 * joined, and bytes that are not UTF-8 are an error naming the byte where the bad sequence starts.
 *
 * @example
 * ```ts
 * const decode = utf8Chunks();
 * for await (const chunk of stream) yield decode(chunk);
 * yield decode(); // the end: a character left unfinished is an error
 * ```
 */
export function utf8Chunks(): (chunk?: Uint8Array) => string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Bytes before `held`, and the unfinished character the decoder holds from the last chunk.
  let before = 0;
  let held: Uint8Array = new Uint8Array(0);
  return (chunk) => {
    const bytes = chunk === undefined ? held : concat(held, chunk);
    try {
      const text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
      const tail = unfinishedTail(bytes);
      before += bytes.length - tail;
      held = bytes.slice(bytes.length - tail);
      return text;
    } catch {
      throw notUtf8(before + firstInvalidByte(bytes), before === 0 ? bytes : undefined);
    }
  };
}

// How many bytes at the end begin a character not yet complete (0 to 3).
function unfinishedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back ? back : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function notUtf8(at: number, start?: Uint8Array): Error {
  const utf16 = start !== undefined && start.length >= 2 && ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff));
  return new Error(utf16 ? 'it is UTF-16 text (it starts with a UTF-16 byte-order mark); save the file as UTF-8' : `it is not UTF-8 text (byte ${at + 1} starts a sequence that is not UTF-8; save the file as UTF-8)`);
}

// Where the first byte sequence that is not UTF-8 starts (the length when a sequence is cut short at the end).
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

// The length of the well-formed UTF-8 sequence at `i` (RFC 3629 table), or 0 if there is none.
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b >= 0xe1 && b <= 0xec ? [3, 0x80, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xee && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
