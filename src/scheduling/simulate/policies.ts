import { distributionMean } from '../../core/distribution.js';
import { CLASSIC_RULES, classicSchedule } from '../optimize/classicRules.js';
import { optimizeSchedule } from '../optimize/optimizeSchedule.js';
import type { Scenario } from './scenario.js';

/** A scenario variant that books the same patients by another rule. */
export interface PolicyScenario {
  /** `as booked`, `optimised` or a classic rule's name. */
  readonly name: string;
  readonly scenario: Scenario;
}

/** The interval grid a scenario is booked on: its schedule's, or one interval per appointment. */
function gridOf(scenario: Scenario): { intervals: number; intervalMinutes: number; patients: number } {
  if (scenario.schedule !== undefined) {
    const patients = scenario.schedule.slots.reduce((a, b) => a + b, 0);
    return { intervals: scenario.schedule.slots.length, intervalMinutes: scenario.schedule.intervalMinutes, patients };
  }
  const patients = scenario.appointments?.length ?? 0;
  return { intervals: Math.max(1, patients), intervalMinutes: scenario.sessionMinutes / Math.max(1, patients), patients };
}

/** The scenario with its patients rebooked by `slots` on its interval grid, keeping their order. */
function rebooked(scenario: Scenario, slots: readonly number[], intervalMinutes: number): Scenario {
  if (scenario.schedule !== undefined) return { ...scenario, schedule: { ...scenario.schedule, slots: [...slots] } };
  const minutes = slots.flatMap((count, t) => new Array<number>(count).fill(t * intervalMinutes));
  const booked = [...(scenario.appointments ?? [])].sort((a, b) => a.minute - b.minute);
  return { ...scenario, appointments: booked.map((a, i) => ({ ...a, minute: minutes[i] ?? a.minute })) };
}

/** The mean service time of the booked patients, in intervals (the Bailey-Welch gap); undefined when none is booked. */
function serviceIntervalsOf(scenario: Scenario, intervalMinutes: number): number | undefined {
  const names = scenario.schedule !== undefined ? [scenario.schedule.class] : (scenario.appointments ?? []).map((a) => a.class);
  const means = names.flatMap((name) => {
    const found = Object.hasOwn(scenario.classes, name) ? scenario.classes[name] : undefined;
    return found === undefined ? [] : [distributionMean(found.service)];
  });
  return means.length === 0 ? undefined : means.reduce((a, b) => a + b, 0) / means.length / intervalMinutes;
}

function optimisedSlots(scenario: Scenario, grid: ReturnType<typeof gridOf>): number[] | undefined {
  const only = scenario.schedule === undefined || !Object.hasOwn(scenario.classes, scenario.schedule.class) ? undefined : scenario.classes[scenario.schedule.class];
  if (only === undefined || scenario.providers !== 1) return undefined;
  const found = optimizeSchedule({
    patients: grid.patients,
    intervals: grid.intervals,
    intervalMinutes: grid.intervalMinutes,
    sessionMinutes: scenario.sessionMinutes,
    service: only.service,
    noShowProbability: only.noShowProbability,
  });
  return found.ok ? [...found.value.slots] : undefined;
}

/**
 * The scenario as booked beside the same patients booked by each classic rule and, for a single
 * provider booked on an interval schedule, by the optimised schedule: the "policies compared"
 * of a report.
 *
 * @param scenario - a validated scenario
 * @returns the variants, the scenario as booked first
 * @example
 * ```ts
 * for (const policy of policyScenarios(scenario)) console.log(policy.name);
 * ```
 */
export function policyScenarios(scenario: Scenario): PolicyScenario[] {
  const grid = gridOf(scenario);
  const policies: PolicyScenario[] = [{ name: 'as booked', scenario }];
  const optimised = optimisedSlots(scenario, grid);
  if (optimised !== undefined) policies.push({ name: 'optimised', scenario: rebooked(scenario, optimised, grid.intervalMinutes) });
  const gap = serviceIntervalsOf(scenario, grid.intervalMinutes);
  for (const rule of CLASSIC_RULES) {
    policies.push({ name: rule, scenario: rebooked(scenario, classicSchedule(rule, grid.patients, grid.intervals, gap), grid.intervalMinutes) });
  }
  return policies;
}
