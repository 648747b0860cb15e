import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/records/checkpoint.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

describe('verifyCheckpoint reads the signature exactly', () => {
  it('refuses a signature with text after its base64 padding, or a character base64 decoding would skip', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), clerk);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(adapter, privateKey);
    expect(await verifyCheckpoint(adapter, checkpoint, publicKey)).toMatchObject({ ok: true });
    for (const signature of [`${checkpoint.signature}AAAA`, `${checkpoint.signature}!`, ` ${checkpoint.signature}`, checkpoint.signature.replace('==', '')]) {
      const found = await verifyCheckpoint(adapter, { ...checkpoint, signature }, publicKey);
      expect(found, signature).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', path: ['checkpoint', 'signature'] }] });
    }
  });
});
