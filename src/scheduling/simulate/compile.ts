import type { Distribution, Sampler } from '../../core/distribution.js';
import { compileDurationSampler } from './durationSampler.js';
import type { Scenario } from './scenario.js';

/** A Poisson stream of unscheduled arrivals, compiled. */
export interface CompiledStream {
  /** Arrivals per minute. */
  readonly perMinute: number;
  /** Index of the patients' class. */
  readonly classIndex: number;
}

/** A scenario turned into flat arrays and samplers, ready for fast replication. */
export interface CompiledScenario {
  readonly sessionMinutes: number;
  readonly providers: number;
  readonly rooms: number;
  readonly roomTurnoverMinutes: number;
  /** Class names, by index. */
  readonly classNames: readonly string[];
  /** Service sampler of each class. */
  readonly samplers: readonly Sampler[];
  /** Appointment minutes, ascending (ties keep their booking order). */
  readonly appointmentTimes: Float64Array;
  /** Class index of each appointment. */
  readonly appointmentClass: Int32Array;
  /** No-show probability of each appointment. */
  readonly noShow: Float64Array;
  /** Lateness sampler (minutes, negative = early), if patients are not punctual. */
  readonly punctuality: Sampler | undefined;
  readonly walkIns: CompiledStream | undefined;
  readonly urgent: CompiledStream | undefined;
  /** True when the single-server recursion gives the same answer as the event engine. */
  readonly singleServer: boolean;
}

interface Booking {
  readonly minute: number;
  readonly classIndex: number;
  readonly noShow: number;
}

function bookings(scenario: Scenario, classIndex: (name: string) => number): Booking[] {
  const noShowOf = (name: string): number => (Object.hasOwn(scenario.classes, name) ? scenario.classes[name]?.noShowProbability : undefined) ?? 0;
  const list: Booking[] = [];
  for (const a of scenario.appointments ?? []) {
    list.push({ minute: a.minute, classIndex: classIndex(a.class), noShow: a.noShowProbability ?? noShowOf(a.class) });
  }
  const schedule = scenario.schedule;
  if (schedule !== undefined) {
    schedule.slots.forEach((count, t) => {
      for (let k = 0; k < count; k++) {
        list.push({ minute: t * schedule.intervalMinutes, classIndex: classIndex(schedule.class), noShow: noShowOf(schedule.class) });
      }
    });
  }
  return list.map((b, i) => ({ b, i })).sort((x, y) => x.b.minute - y.b.minute || x.i - y.i).map((x) => x.b);
}

function stream(spec: { perHour: number; class: string } | undefined, classIndex: (name: string) => number): CompiledStream | undefined {
  return spec === undefined || spec.perHour === 0 ? undefined : { perMinute: spec.perHour / 60, classIndex: classIndex(spec.class) };
}

/**
 * Compiles a validated scenario (see {@link checkScenario}) for replication.
 *
 * @param scenario - a validated scenario
 * @returns flat arrays, samplers and whether the single-server fast path applies
 * @example
 * ```ts
 * const compiled = compileScenario(scenario);
 * compiled.singleServer; // true for one provider, no walk-ins or urgent patients
 * ```
 */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const classNames = Object.keys(scenario.classes);
  const classIndex = (name: string): number => classNames.indexOf(name);
  const booked = bookings(scenario, classIndex);
  const rooms = scenario.rooms ?? scenario.providers;
  const walkIns = stream(scenario.walkIns, classIndex);
  const urgent = stream(scenario.urgent, classIndex);
  return {
    sessionMinutes: scenario.sessionMinutes,
    providers: scenario.providers,
    rooms,
    roomTurnoverMinutes: scenario.roomTurnoverMinutes,
    classNames,
    samplers: classNames.map((name) => compileDurationSampler((scenario.classes[name] as { service: Distribution }).service)),
    appointmentTimes: Float64Array.from(booked, (b) => b.minute),
    appointmentClass: Int32Array.from(booked, (b) => b.classIndex),
    noShow: Float64Array.from(booked, (b) => b.noShow),
    punctuality: scenario.punctuality === undefined ? undefined : compileDurationSampler(scenario.punctuality),
    walkIns,
    urgent,
    singleServer: scenario.providers === 1 && walkIns === undefined && urgent === undefined && scenario.roomTurnoverMinutes === 0,
  };
}
