// Run in a fresh process by claims.bench.ts: the cost of the first validation after import.
export {};
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const { validateClaim } = await import('../../src/claims/index.js');
const t1 = performance.now();
const claim = {
  id: 'C-1', billingProvider: { npi: '1234567893' }, patient: { birthDate: '1980-04-02', sex: 'F' }, payer: { id: 'MEDICARE' },
  placeOfService: '11', diagnoses: ['E11.9', 'I10', 'T14.91XA'], totalChargeCents: 12500,
  lines: [{ procedure: '99213', units: 1, chargeCents: 12500, serviceDate: '2026-11-02', diagnosisPointers: [1, 2, 3] }],
};
validateClaim(claim, { asOf: '2026-11-02' });
const t2 = performance.now();
validateClaim({ ...claim, diagnoses: ['J45.909', 'E78.5', 'O80'] }, { asOf: '2026-11-02' });
const t3 = performance.now();
collect?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2, heapMb }));
