import type { DateTime } from 'luxon';
import type { IanaZone } from '../src/core/time.js';

/** What every demo scene gets: the clinic's day, its zone, a seed and a narrator. */
export interface DemoContext {
  /** The clinic's IANA zone. */
  readonly zone: IanaZone;
  /** The demo day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The moment the day starts, 07:30 local: scenes take their "now" from here, never the clock. */
  readonly morning: DateTime;
  /** Seed for any randomness the scene needs. */
  readonly seed: number;
  /** Prints a line of narration. */
  readonly say: (text: string) => void;
}

/** One scene of the clinic day. */
export interface DemoScene {
  /** The scene's title, shown as a heading. */
  readonly title: string;
  /** Plays the scene. */
  readonly play: (context: DemoContext) => Promise<void> | void;
}
