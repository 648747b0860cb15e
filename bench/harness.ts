/** A measured rate: how many operations per second, and how long one took on average. */
export interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly msPerOperation: number;
}

/**
 * Times `work` (which performs `operations` operations per call), repeating it until at least
 * `minSeconds` have passed after one warm-up call, and reports the best-of rate.
 *
 * @example
 * ```ts
 * const m = measure('validate', 100_000, () => validateAll(batch));
 * ```
 */
export function measure(name: string, operations: number, work: () => unknown, minSeconds = 0.5): Measurement {
  work();
  let best = Number.POSITIVE_INFINITY;
  let spent = 0;
  let runs = 0;
  while (spent < minSeconds || runs < 3) {
    const t0 = performance.now();
    work();
    const took = (performance.now() - t0) / 1000;
    best = Math.min(best, took);
    spent += took;
    runs++;
    if (runs >= 50 && spent >= minSeconds) break;
  }
  return { name, operations, seconds: best, perSecond: operations / best, msPerOperation: (best * 1000) / operations };
}

/** Async variant of {@link measure}. */
export async function measureAsync(name: string, operations: number, work: () => Promise<unknown>, minSeconds = 0.5): Promise<Measurement> {
  await work();
  let best = Number.POSITIVE_INFINITY;
  let spent = 0;
  let runs = 0;
  while (spent < minSeconds || runs < 3) {
    const t0 = performance.now();
    await work();
    const took = (performance.now() - t0) / 1000;
    best = Math.min(best, took);
    spent += took;
    runs++;
    if (runs >= 50 && spent >= minSeconds) break;
  }
  return { name, operations, seconds: best, perSecond: operations / best, msPerOperation: (best * 1000) / operations };
}

function formatRate(m: Measurement): string {
  return `${Math.round(m.perSecond).toLocaleString('en-US').padStart(14)} /s  ${m.msPerOperation.toPrecision(4).padStart(10)} ms/op`;
}

/**
 * Prints a measurement beside its baseline, with the speed-up, and an optional target check.
 *
 * @example
 * ```ts
 * compare(ours, naive, { label: 'findSlots vs minute scan', minSpeedup: 50 });
 * ```
 */
export function compare(
  ours: Measurement,
  baseline: Measurement,
  target: { label?: string; minSpeedup?: number; minPerSecond?: number; maxMs?: number } = {},
): boolean {
  const speedup = ours.perSecond / baseline.perSecond;
  const checks: string[] = [];
  let pass = true;
  if (target.minSpeedup !== undefined) {
    const okSpeed = speedup >= target.minSpeedup;
    pass &&= okSpeed;
    checks.push(`speed-up >= ${target.minSpeedup}x: ${okSpeed ? 'PASS' : 'FAIL'}`);
  }
  if (target.minPerSecond !== undefined) {
    const okRate = ours.perSecond >= target.minPerSecond;
    pass &&= okRate;
    checks.push(`>= ${target.minPerSecond.toLocaleString('en-US')}/s: ${okRate ? 'PASS' : 'FAIL'}`);
  }
  if (target.maxMs !== undefined) {
    const okTime = ours.seconds * 1000 <= target.maxMs;
    pass &&= okTime;
    checks.push(`<= ${target.maxMs} ms: ${okTime ? 'PASS' : 'FAIL'}`);
  }
  process.stdout.write(
    [
      target.label !== undefined ? `  ${target.label}` : '',
      `    ${ours.name.padEnd(44)} ${formatRate(ours)}  (${(ours.seconds * 1000).toFixed(1)} ms per run)`,
      `    ${`baseline: ${baseline.name}`.padEnd(44)} ${formatRate(baseline)}  (${(baseline.seconds * 1000).toFixed(1)} ms per run)`,
      `    speed-up ${speedup.toFixed(1)}x${checks.length > 0 ? `; ${checks.join('; ')}` : ''}`,
      '',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n',
  );
  return pass;
}

/**
 * Prints a single figure with a target (for figures with no natural baseline, such as heap use).
 *
 * @example
 * ```ts
 * report('first validation heap', heapMb, 'MB', { max: 40 });
 * ```
 */
export function report(name: string, value: number, unit: string, target: { max?: number; min?: number } = {}): boolean {
  const okMax = target.max === undefined || value <= target.max;
  const okMin = target.min === undefined || value >= target.min;
  const bound = [target.max !== undefined ? `<= ${target.max}` : '', target.min !== undefined ? `>= ${target.min}` : ''].filter(Boolean).join(', ');
  process.stdout.write(`    ${name.padEnd(44)} ${value.toPrecision(5).padStart(14)} ${unit}${bound ? `  (target ${bound} ${unit}: ${okMax && okMin ? 'PASS' : 'FAIL'})` : ''}\n`);
  return okMax && okMin;
}
