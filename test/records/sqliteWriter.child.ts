// Child process for the crash test: writes to a SQLite store forever, printing "ack <id> <version>"
// after each acknowledged (committed) write, until it is killed.
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const path = process.argv[2] ?? '';
const adapter = await sqliteAdapter({ path, maxBatch: 64 });
const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock('2026-11-02T12:30:00.000Z', 1).clock });
const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
const versions = new Map<string, number>();
for (const id of ids) {
  const created = await store.create(id, patient('Start'), clerk);
  if (created.ok) versions.set(id, 1);
  process.stdout.write(`ack ${id} 1\n`);
}
for (let round = 0; ; round++) {
  await Promise.all(ids.map(async (id) => {
    const r = await store.update(id, patient(`R${round}`), versions.get(id) ?? 1, clerk);
    if (r.ok) {
      versions.set(id, r.value.meta.version);
      process.stdout.write(`ack ${id} ${r.value.meta.version}\n`);
    }
  }));
}
