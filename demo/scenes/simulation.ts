import type { DateTime } from 'luxon';
import { compareWithBaselines } from '../../src/scheduling/optimize/compareBaselines.js';
import { recommendOverbooking } from '../../src/scheduling/optimize/overbooking.js';
import { simulateSessions } from '../../src/scheduling/simulate/simulateSessions.js';
import type { DemoContext, DemoScene } from '../scene.js';

const service = { kind: 'lognormal' as const, mean: 15, sd: 7.5 };

/** Appointment times of a schedule, as the front desk would read them. */
function times(start: DateTime, slots: readonly number[], intervalMinutes: number): string {
  return slots
    .flatMap((count, t) => new Array<string>(count).fill(start.plus({ minutes: t * intervalMinutes }).toFormat('H:mm:ss').replace(/:00$/, '')))
    .join(' ');
}

function optimiseTheMorning({ say, morning }: DemoContext): readonly number[] {
  const start = morning.plus({ minutes: 30 });
  say(`Dr. Okafor's follow-up clinic opens at ${start.toFormat('HH:mm')}: 20 patients, visits of 15 ± 7.5 minutes, 1 in 10 does not come.`);
  say('The desk books them every 15 minutes. What does that cost, and is there a better way? (exact expected minutes per session)');
  const comparison = compareWithBaselines({ patients: 20, intervals: 40, intervalMinutes: 7.5, sessionMinutes: 300, service, noShowProbability: 0.1 });
  if (!comparison.ok) throw new Error('the demo session is valid');
  for (const row of comparison.value.rows.filter((r) => r.name !== 'multiple-block' && r.name !== 'offset')) {
    const e = row.evaluation;
    say(`  ${row.name.padEnd(14)} wait ${e.expectedWaitPerPatient.toFixed(1).padStart(5)} min/patient, idle ${e.expectedIdle.toFixed(1).padStart(5)}, overtime ${e.expectedOvertime.toFixed(1).padStart(5)}  → cost ${e.objective.toFixed(2)}`);
  }
  const best = comparison.value.optimised;
  say(`Kaandorp-Koole local search (${best.evaluations} schedules tried) books them at:`);
  say(`  ${times(start, best.slots, 7.5)}`);
  return best.slots;
}

function adviseOverbooking({ say }: DemoContext): void {
  const advice = recommendOverbooking({
    slots: 16,
    intervalMinutes: 15,
    service: { kind: 'gamma', mean: 15, sd: 6 },
    noShowProbability: 0.2,
    valuePerPatient: 20,
    costs: { wait: 0.2, idle: 1, overtime: 1.5 },
    maxExtra: 6,
  });
  if (!advice.ok) return;
  const { best, naiveBooked } = advice.value;
  say(`Friday's clinic has 16 slots and a 20% no-show rate. Book ${best.booked} (expected overtime ${best.evaluation.expectedOvertime.toFixed(1)} min),`);
  say(`not the ${naiveBooked} that "slots ÷ show rate" suggests.`);
}

function simulateTheDay({ say, seed }: DemoContext, slots: readonly number[]): void {
  const scenario = {
    sessionMinutes: 300,
    classes: {
      followUp: { service, noShowProbability: 0.1 },
      urgent: { service: { kind: 'exponential', mean: 20 } },
    },
    schedule: { slots, intervalMinutes: 7.5, class: 'followUp' },
    punctuality: { kind: 'normal', mean: -2, sd: 5 },
    urgent: { perHour: 0.25, class: 'urgent' },
  };
  const run = simulateSessions(scenario, { replications: 20_000, seed });
  if (!run.ok) return;
  const k = run.value.kpis;
  say('Real mornings are messier: patients arrive a little early or late, and one urgent patient in four hours jumps the queue.');
  say(`20,000 simulated mornings (seed ${seed}): mean wait ${k.waitMean.mean.toFixed(1)} min (95% CI ${k.waitMean.ci95[0].toFixed(1)}–${k.waitMean.ci95[1].toFixed(1)}),`);
  say(`  the unluckiest 10% of patients wait over ${k.waitP90.percentiles[50]?.toFixed(0)} min on a typical morning; overtime ${k.overtime.mean.toFixed(1)} min on average,`);
  say(`  more than ${k.overtime.percentiles[90]?.toFixed(0)} min one morning in ten; the doctor is busy ${(100 * k.utilisation.mean).toFixed(0)}% of the session.`);
}

/**
 * The clinic day's scheduling research: spacing appointments under no-shows, overbooking, and simulating the morning.
 *
 * @example
 * ```ts
 * await simulationScene.play(context);
 * ```
 */
export const simulationScene: DemoScene = {
  title: 'Spacing appointments: exact costs, the optimal schedule, and 20,000 simulated mornings',
  play: (context) => {
    const slots = optimiseTheMorning(context);
    adviseOverbooking(context);
    simulateTheDay(context, slots);
  },
};
