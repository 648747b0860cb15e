import { generateKeyPairSync } from 'node:crypto';
import { DateTime } from 'luxon';
import { createRecordStore, memoryAdapter, patientSchema, signCheckpoint, verifyCheckpoint, type AccessContext } from '../../src/records/index.js';
import type { DemoScene } from '../scene.js';

const frontDesk: AccessContext = { actor: 'kim.front-desk', role: 'front-desk', purposeOfUse: 'HOPERAT', reason: 'registration' };
const assistant: AccessContext = { actor: 'jo.ma', role: 'assistant', purposeOfUse: 'TREAT', reason: 'intake vitals and history' };
const doctor: AccessContext = { actor: 'dr.lee', role: 'physician', purposeOfUse: 'TREAT' };
const patientSelf: AccessContext = { actor: 'ana.rivera', role: 'patient', purposeOfUse: 'PATRQT' };

function clockFrom(start: DateTime): () => DateTime {
  let minutes = 0;
  return () => start.plus({ minutes: (minutes += 7) });
}

/**
 * Records: a birth date typed wrong at intake is corrected, Ana Rivera's amendment about an allergy is
 * accepted, and the practice looks at the history, the diff and the verified chain.
 *
 * @example
 * ```ts
 * await recordsScene.play(context);
 * ```
 */
export const recordsScene: DemoScene = {
  title: 'Records: a correction, an accepted amendment, and a chain that verifies',
  play: async ({ morning, zone, say }) => {
    const adapter = memoryAdapter();
    const patients = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom(morning) });
    const created = await patients.create('ana-rivera', {
      resourceType: 'Patient', name: [{ use: 'official', family: 'Rivera', given: ['Ana'] }], birthDate: '1980-04-02',
      telecom: [{ system: 'phone', value: '+1 518 555 0142', use: 'mobile' }], allergies: ['penicillin'],
    }, frontDesk);
    if (!created.ok) throw new Error(created.issues.map((i) => i.code).join(', '));
    say(`Kim registers Ana Rivera at ${DateTime.fromISO(created.value.meta.at).setZone(zone).toFormat('HH:mm')}: version ${created.value.meta.version}.`);

    const typo = await patients.patch('ana-rivera', [{ op: 'replace', path: '/birthDate', value: '1980-02-04' }], 1, assistant);
    say(`Jo re-keys the birth date from the intake form and swaps day and month: version ${typo.ok ? typo.value.meta.version : '?'}.`);
    const stale = await patients.update('ana-rivera', { ...created.value.document, gender: 'female' }, 1, frontDesk);
    if (!stale.ok) say(`Kim, still on version 1, saves the gender: refused with ${stale.issues[0]?.code} (current is v${stale.issues[0]?.currentVersion}); nothing is overwritten.`);

    const current = await patients.read('ana-rivera', doctor);
    if (!current.ok) throw new Error('read failed');
    const corrected = await patients.correct('ana-rivera', {
      errorVersion: 2, expectedVersion: current.value.meta.version, reason: 'day and month swapped at intake',
      document: { ...current.value.document, birthDate: '1980-04-02' },
    }, doctor);
    if (corrected.ok) say(`Dr. Lee marks v${corrected.value.errorVersion} entered in error; v${corrected.value.correctedVersion} carries the right date. v2 stays readable.`);

    const request = await patients.requestAmendment('ana-rivera', { version: 3, description: 'I am not allergic to penicillin; that was my sister.' }, patientSelf);
    if (!request.ok) throw new Error('request failed');
    say(`Ana asks to amend her record (HIPAA 164.526): "${request.value.description}"`);
    const decided = await patients.decideAmendment('ana-rivera', request.value.id, {
      outcome: 'accepted', expectedVersion: 3, patch: [{ op: 'test', path: '/allergies/0', value: 'penicillin' }, { op: 'remove', path: '/allergies/0' }],
    }, doctor);
    if (decided.ok) say(`Dr. Lee accepts it after a negative skin test: amendment ${decided.value.id} -> version ${decided.value.appliedVersion}.`);

    const history = await patients.history('ana-rivera', {}, doctor);
    const corrections = await patients.corrections('ana-rivera', doctor);
    const inError = new Set(corrections.ok ? corrections.value.map((c) => c.errorVersion) : []);
    say('History, newest first:');
    for (const meta of history.ok ? history.value.versions : []) {
      const local = DateTime.fromISO(meta.at).setZone(zone).toFormat('HH:mm');
      say(`  v${meta.version}  ${local}  ${meta.operation.padEnd(7)} by ${meta.author.padEnd(15)}${meta.reason ? ` ${meta.reason}` : ''}${inError.has(meta.version) ? '  [entered in error]' : ''}`);
    }
    for (const [from, to] of [[1, 2], [2, 3], [1, 4]] as const) {
      const diff = await patients.diff('ana-rivera', from, to, doctor);
      say(`Diff v${from} -> v${to}: ${diff.ok ? JSON.stringify(diff.value) : 'unavailable'}`);
    }

    const privacyOfficer: AccessContext = { actor: 'sam.privacy', role: 'privacy-officer', purposeOfUse: 'HOPERAT' };
    const trail = await patients.auditTrail('ana-rivera', {}, privacyOfficer);
    say('Audit trail for the privacy officer, newest first (who touched the record, why, and how it ended):');
    for (const event of trail.ok ? trail.value.events : []) {
      const local = DateTime.fromISO(event.at).setZone(zone).toFormat('HH:mm');
      say(`  ${local}  ${event.action.padEnd(17)} ${event.outcome.padEnd(7)} ${event.actor.padEnd(15)} ${event.purposeOfUse}${event.issues ? `  ${event.issues.join(', ')}` : ''}`);
    }

    const verified = await patients.verify();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(adapter, privateKey);
    const checked = await verifyCheckpoint(adapter, checkpoint, publicKey);
    if (verified.ok) say(`verify(): ${verified.value.entries} chain entries intact (every read and write is audited), head ${verified.value.headHash.slice(0, 16)}...`);
    say(`Ed25519 checkpoint at entry ${checkpoint.sequence} signed and ${checked.ok ? 'verified' : 'REJECTED'}; it goes to the off-site log.`);
  },
};
