import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/nodeIo.js';
import { utf8Chunks, utf8Text } from '../../src/cli/utf8Text.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-utf8-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const latin1 = Buffer.from('{"name":"Mu\xf1oz"}', 'latin1'); // ñ as the one byte F1, at byte 12

function decodeInChunks(bytes: Uint8Array, sizes: readonly number[]): string {
  const decode = utf8Chunks();
  let text = '';
  let at = 0;
  for (const size of sizes) {
    text += decode(bytes.subarray(at, at + size));
    at += size;
  }
  return text + decode(bytes.subarray(at)) + decode();
}

describe('utf8Text and utf8Chunks: strict UTF-8', () => {
  it('refuses Latin-1 bytes, naming the byte, instead of turning them into U+FFFD', () => {
    expect(() => utf8Text(latin1)).toThrow('byte 12 starts a sequence that is not UTF-8');
    expect(() => decodeInChunks(latin1, [5, 5])).toThrow('byte 12 starts a sequence that is not UTF-8');
  });

  it('refuses text cut inside a character, and overlong or surrogate encodings (RFC 3629)', () => {
    expect(() => utf8Text(Buffer.from('ok \u00e9', 'utf8').subarray(0, 4))).toThrow('byte 4');
    expect(() => utf8Text(Uint8Array.of(0x61, 0xc0, 0xaf))).toThrow('byte 2'); // overlong '/'
    expect(() => utf8Text(Uint8Array.of(0xed, 0xa0, 0x80))).toThrow('byte 1'); // a UTF-16 surrogate
    expect(() => decodeInChunks(Buffer.from('ab\u00e9', 'utf8').subarray(0, 3), [3])).toThrow('byte 3');
  });

  it('says so for UTF-16 text, and keeps a UTF-8 byte-order mark for the readers that skip it', () => {
    expect(() => utf8Text(Buffer.from('\ufeff{}', 'utf16le'))).toThrow('it is UTF-16 text');
    expect(utf8Text(Buffer.from('\ufeff{}', 'utf8'))).toBe('\ufeff{}');
    expect(decodeInChunks(Buffer.from('\ufeff{}', 'utf8'), [1, 1])).toBe('\ufeff{}');
  });

  it('decodes any UTF-8 text split anywhere into chunks exactly as in one piece', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.nat(8), { maxLength: 12 }), (text, sizes) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(utf8Text(bytes)).toBe(text);
        expect(decodeInChunks(bytes, sizes)).toBe(text);
      }),
    );
  });

  it('places a bad byte exactly wherever the chunks split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.nat(8), { maxLength: 12 }), (head, tail, sizes) => {
        const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Uint8Array.of(0xff), Buffer.from(tail, 'utf8')]);
        const where = `byte ${Buffer.byteLength(head, 'utf8') + 1} `;
        expect(() => utf8Text(bytes)).toThrow(where);
        expect(() => decodeInChunks(bytes, sizes)).toThrow(where);
      }),
    );
  });
});

describe('nodeIo reads inputs as strict UTF-8', () => {
  it('readText and readStream refuse a Latin-1 file, so nothing read from it is written back altered', async () => {
    const path = join(folder, 'latin1.json');
    writeFileSync(path, latin1);
    const io = nodeIo();
    await expect(io.readText(path)).rejects.toThrow('byte 12 starts a sequence that is not UTF-8');
    const read = async () => {
      let text = '';
      for await (const chunk of io.readStream(path)) text += chunk;
      return text;
    };
    await expect(read()).rejects.toThrow('byte 12 starts a sequence that is not UTF-8');
    writeFileSync(path, 'Mu\u00f1oz', 'utf8');
    expect([await io.readText(path), await read()]).toEqual(['Mu\u00f1oz', 'Mu\u00f1oz']);
  });
});
