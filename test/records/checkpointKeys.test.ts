import { createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { signCheckpoint, verifyCheckpoint, type SignedCheckpoint } from '../../src/records/checkpoint.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const ed25519 = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed448 = generateKeyPairSync('ed448');
const x25519 = generateKeyPairSync('x25519');
const secret = createSecretKey(Buffer.alloc(32, 1));

async function signedStore() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  const checkpoint = await signCheckpoint(adapter, ed25519.privateKey);
  return { adapter, checkpoint };
}

describe('signCheckpoint requires an Ed25519 private key', () => {
  it('rejects any other key with a MedofficeUsageError naming what it was given, and signs nothing', async () => {
    const { adapter } = await signedStore();
    const before = adapter.snapshot().entries.length;
    const wrong: readonly [unknown, string][] = [
      [rsa.privateKey, "a private key of type 'rsa'"],
      [ec.privateKey, "a private key of type 'ec'"],
      [ed448.privateKey, "a private key of type 'ed448'"],
      [ed25519.publicKey, "a public key of type 'ed25519'"],
      [secret, 'a secret key'],
      [ed25519.privateKey.export({ format: 'pem', type: 'pkcs8' }), 'not a KeyObject'],
      [undefined, 'undefined'],
    ];
    for (const [key, named] of wrong) {
      const signing = signCheckpoint(adapter, key as KeyObject);
      await expect(signing).rejects.toThrow(MedofficeUsageError);
      await expect(signing).rejects.toThrow(named);
    }
    expect(adapter.snapshot().entries.length).toBe(before);
  });

  it('still signs with an Ed25519 private key, and the checkpoint verifies with its public key', async () => {
    const { adapter, checkpoint } = await signedStore();
    expect(checkpoint).toMatchObject({ sequence: 2 });
    expect(await verifyCheckpoint(adapter, checkpoint, ed25519.publicKey)).toEqual({ ok: true, value: checkpoint, warnings: [] });
  });
});

describe('verifyCheckpoint requires an Ed25519 public key', () => {
  it('answers any other key with records.invalid_input at publicKey naming what it was given, never records.chain_broken', async () => {
    const { adapter, checkpoint } = await signedStore();
    const wrong: readonly [unknown, string][] = [
      [rsa.publicKey, "a public key of type 'rsa'"],
      [ec.publicKey, "a public key of type 'ec'"],
      [ed448.publicKey, "a public key of type 'ed448'"],
      [x25519.publicKey, "a public key of type 'x25519'"],
      [ed25519.privateKey, "a private key of type 'ed25519'"],
      [secret, 'a secret key'],
      [ed25519.publicKey.export({ format: 'pem', type: 'spki' }), 'not a KeyObject'],
      [null, 'null'],
    ];
    for (const [key, named] of wrong) {
      const result = await verifyCheckpoint(adapter, checkpoint, key as KeyObject);
      expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['publicKey'] }] });
      expect(result.ok ? '' : result.issues[0]?.message).toContain(named);
    }
  });

  it('names both a malformed checkpoint and a wrong key', async () => {
    const { adapter, checkpoint } = await signedStore();
    const result = await verifyCheckpoint(adapter, { ...checkpoint, sequence: -1 }, rsa.publicKey);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['checkpoint', 'sequence'] }, { code: 'records.invalid_input', path: ['publicKey'] }] });
  });

  it('answers a key Node cannot use, though it says it is an Ed25519 public KeyObject, with records.invalid_input', async () => {
    const { adapter, checkpoint } = await signedStore();
    const lookalike = Object.create(Object.getPrototypeOf(ed25519.publicKey) as object, { type: { value: 'public' }, asymmetricKeyType: { value: 'ed25519' } }) as KeyObject;
    expect(await verifyCheckpoint(adapter, checkpoint, lookalike)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['publicKey'] }] });
  });
});

describe('verifyCheckpoint reads the checkpoint once and never throws', () => {
  it('answers a checkpoint whose getters throw with records.invalid_input at checkpoint', async () => {
    const { adapter, checkpoint } = await signedStore();
    const thrower = new Proxy({}, { get() { throw new Error('boom'); }, has() { throw new Error('boom'); } });
    const getter = { ...checkpoint, get sequence(): number { throw new Error('boom'); } };
    const revocable = Proxy.revocable({ ...checkpoint }, {});
    revocable.revoke();
    for (const given of [thrower, getter, revocable.proxy]) {
      expect(await verifyCheckpoint(adapter, given as SignedCheckpoint, ed25519.publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['checkpoint'] }] });
    }
  });

  it('answers a member of the wrong type with records.invalid_input at that member, not as a bad signature', async () => {
    const { adapter, checkpoint } = await signedStore();
    const cases: readonly [Record<string, unknown>, string][] = [
      [{ signature: null }, 'signature'],
      [{ signature: 12 }, 'signature'],
      [{ headHash: undefined }, 'headHash'],
      [{ at: { toString: () => checkpoint.at } }, 'at'],
      [{ headHash: '\ud800' }, 'headHash'],
      [{ sequence: '2' }, 'sequence'],
    ];
    for (const [change, member] of cases) {
      expect(await verifyCheckpoint(adapter, { ...checkpoint, ...change } as SignedCheckpoint, ed25519.publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['checkpoint', member] }] });
    }
  });

  it('reads each member once, and answers with a copy of its own', async () => {
    const { adapter, checkpoint } = await signedStore();
    const reads: Record<string, number> = {};
    const counted = new Proxy({ ...checkpoint }, { get(target, key, receiver) { reads[String(key)] = (reads[String(key)] ?? 0) + 1; return Reflect.get(target, key, receiver); } });
    const result = await verifyCheckpoint(adapter, counted, ed25519.publicKey);
    const readsDuringCall = { ...reads };
    expect(readsDuringCall).toEqual({ sequence: 1, headHash: 1, at: 1, signature: 1 });
    expect(result).toEqual({ ok: true, value: checkpoint, warnings: [] });
    expect(result.ok && result.value !== counted).toBe(true);
  });
});

describe('verifyCheckpoint properties', () => {
  it('never throws, and never answers records.chain_broken for a wrong key or a checkpoint that is not one', async () => {
    const { adapter, checkpoint } = await signedStore();
    const keys = fc.constantFrom<unknown>(rsa.publicKey, ec.publicKey, ed448.publicKey, ed25519.privateKey, secret, 'key', undefined, {});
    const member = fc.oneof(fc.anything(), fc.constant(undefined));
    const malformed = fc.oneof(
      fc.anything(),
      fc.record({ sequence: member, headHash: member, at: member, signature: member }, { requiredKeys: [] }).map((change) => ({ ...checkpoint, ...change })),
    ).filter((given) => {
      const c = given as Partial<SignedCheckpoint> | null;
      return typeof c !== 'object' || c === null || typeof c.signature !== 'string' || typeof c.headHash !== 'string' || typeof c.at !== 'string' || !Number.isSafeInteger(c.sequence) || (c.sequence ?? -1) < 0;
    });
    await fc.assert(fc.asyncProperty(fc.oneof(fc.constant<unknown>(checkpoint), malformed), keys, async (given, key) => {
      const result = await verifyCheckpoint(adapter, given as SignedCheckpoint, key as KeyObject);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((issue) => issue.code)).not.toContain('records.chain_broken');
    }), { numRuns: 200 });
  });
});
