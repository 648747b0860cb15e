import type { Distribution } from '../../core/distribution.js';
import { hasAtoms } from './gridPlan.js';
import { lastStretch, type EndInterpolation } from './lastStretch.js';
import { discretiseService } from './serviceGrid.js';

/** Trailing workload mass below this is dropped after each arrival (keeps vectors short). */
const NEGLIGIBLE_TAIL = 1e-10;

/** The workload distribution at the start of an interval, with the costs accumulated before it. */
export interface ChainState {
  /** Probabilities of a workload of k grid steps, k = 0 … pmf.length − 1. */
  readonly pmf: Float64Array;
  /** Expected total waiting time so far (minutes). */
  readonly wait: number;
  /** Expected idle time so far (minutes). */
  readonly idle: number;
}

/** The grid and service law an evaluation runs on, prepared once and reused for many schedules. */
export interface WorkloadChain {
  /** Grid step in minutes. */
  readonly step: number;
  /** Grid steps per booking interval. */
  readonly stepsPerInterval: number;
  /**
   * Time from the start of the last interval to the end of the session, in grid steps: a whole
   * number of steps plus a fraction when the session end is not on the grid (it need not be).
   */
  readonly finalSteps: number;
  /**
   * How the expected overtime at an off-grid session end is read from its values at the grid points
   * around it: `linear` when the workload lives on the grid points only (service laws made of atoms
   * on the grid), `cubic` when it stands for a smooth law.
   */
  readonly endInterpolation: EndInterpolation;
  /** Probability of each service duration on the grid. */
  readonly service: Float64Array;
  /** Probability that a booked patient does not come. */
  readonly noShow: number;
  /** Largest workload (in steps) the buffers hold. */
  readonly capacity: number;
}

/**
 * Prepares the discretised chain of a session.
 *
 * @param service - the service law
 * @param intervalMinutes - length of a booking interval
 * @param sessionMinutes - length of the session
 * @param intervals - number of booking intervals
 * @param patients - largest number of patients any evaluated schedule books
 * @param noShow - no-show probability
 * @param stepsPerInterval - grid steps per interval
 * @returns the chain
 * @example
 * ```ts
 * const chain = createChain({ kind: 'exponential', mean: 15 }, 15, 300, 20, 20, 0.1, 32);
 * ```
 */
export function createChain(
  service: Distribution,
  intervalMinutes: number,
  sessionMinutes: number,
  intervals: number,
  patients: number,
  noShow: number,
  stepsPerInterval: number,
): WorkloadChain {
  const step = intervalMinutes / stepsPerInterval;
  const pmf = discretiseService(service, step);
  const exactSteps = stepsPerInterval + Math.max(0, sessionMinutes - intervals * intervalMinutes) / step;
  const nearest = Math.round(exactSteps);
  const finalSteps = Math.abs(exactSteps - nearest) < 1e-9 * Math.max(1, exactSteps) ? nearest : exactSteps;
  return {
    step,
    stepsPerInterval,
    finalSteps,
    endInterpolation: hasAtoms(service) ? 'linear' : 'cubic',
    service: pmf,
    noShow,
    capacity: patients * (pmf.length - 1) + 1,
  };
}

/**
 * The state of an empty provider at the start of the session.
 *
 * @example
 * ```ts
 * initialState().pmf; // Float64Array [1]
 * ```
 */
export function initialState(): ChainState {
  return { pmf: Float64Array.of(1), wait: 0, idle: 0 };
}

function meanSteps(pmf: Float64Array, length: number): number {
  let sum = 0;
  for (let k = 1; k < length; k++) sum += k * (pmf[k] as number);
  return sum;
}

/** Adds one booked patient: the workload becomes V + S with probability 1 − q, else stays V. */
function addPatient(chain: WorkloadChain, from: Float64Array, length: number, into: Float64Array): number {
  const q = chain.noShow;
  const show = 1 - q;
  const service = chain.service;
  const sLength = service.length;
  const outLength = length + sLength - 1;
  into.fill(0, 0, outLength);
  for (let i = 0; i < length; i++) {
    const p = from[i] as number;
    if (p === 0) continue;
    into[i] = (into[i] as number) + q * p;
    const c = show * p;
    for (let j = 0; j < sLength; j++) into[i + j] = (into[i + j] as number) + c * (service[j] as number);
  }
  let end = outLength;
  let dropped = 0;
  while (end > 1 && dropped + (into[end - 1] as number) < NEGLIGIBLE_TAIL) dropped += into[--end] as number;
  return end;
}

/** Lets `steps` grid steps pass: the workload falls by that much, idling when it reaches zero. */
function advance(pmf: Float64Array, length: number, steps: number): { length: number; idleSteps: number } {
  if (steps === 0) return { length, idleSteps: 0 };
  let idleSteps = 0;
  let atZero = 0;
  const limit = Math.min(steps, length - 1);
  for (let k = 0; k <= limit; k++) {
    const p = pmf[k] as number;
    idleSteps += p * (steps - k);
    atZero += p;
  }
  if (length - 1 <= steps) {
    pmf[0] = atZero;
    return { length: 1, idleSteps };
  }
  pmf[0] = atZero;
  pmf.copyWithin(1, steps + 1, length);
  return { length: length - steps, idleSteps };
}

/** Scratch buffers of a chain, owned by one evaluation loop. */
export interface ChainBuffers {
  a: Float64Array;
  b: Float64Array;
}

/**
 * Allocates the two ping-pong buffers a chain's forward pass works in.
 *
 * @example
 * ```ts
 * const buffers = createBuffers(chain);
 * ```
 */
export function createBuffers(chain: WorkloadChain): ChainBuffers {
  return { a: new Float64Array(chain.capacity + 1), b: new Float64Array(chain.capacity + 1) };
}

/** What one forward pass finds. */
export interface PassResult {
  readonly wait: number;
  readonly idle: number;
  readonly overtime: number;
  /** Expected waiting time summed over the patients of each interval. */
  readonly waitByInterval: Float64Array;
}

/**
 * Runs the chain from interval `from` (starting in `state`) to the end of the session, calling
 * `keep(t, state)` with the state at the start of every interval it passes, if given.
 *
 * @example
 * ```ts
 * const result = runChain(chain, createBuffers(chain), [2, 1, 1], 0, initialState());
 * ```
 */
export function runChain(
  chain: WorkloadChain,
  buffers: ChainBuffers,
  slots: ArrayLike<number>,
  from: number,
  state: ChainState,
  keep?: (interval: number, state: ChainState) => void,
): PassResult {
  let current = buffers.a;
  let other = buffers.b;
  current.set(state.pmf);
  let length = state.pmf.length;
  let wait = state.wait;
  let idle = state.idle;
  const waitByInterval = new Float64Array(slots.length);
  const show = 1 - chain.noShow;
  for (let t = from; t < slots.length; t++) {
    if (keep !== undefined) keep(t, { pmf: current.slice(0, length), wait, idle });
    const booked = slots[t] as number;
    let intervalWait = 0;
    for (let n = 0; n < booked; n++) {
      intervalWait += show * meanSteps(current, length) * chain.step;
      length = addPatient(chain, current, length, other);
      [current, other] = [other, current];
    }
    waitByInterval[t] = intervalWait;
    wait += intervalWait;
    if (t === slots.length - 1) {
      const end = lastStretch(current, length, chain.finalSteps, chain.endInterpolation);
      return { wait, idle: idle + end.idleSteps * chain.step, overtime: end.overtimeSteps * chain.step, waitByInterval };
    }
    const passed = advance(current, length, chain.stepsPerInterval);
    length = passed.length;
    idle += passed.idleSteps * chain.step;
  }
  return { wait, idle, overtime: meanSteps(current, length) * chain.step, waitByInterval };
}
