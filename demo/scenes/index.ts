import type { DemoScene } from '../scene.js';
import { claimsScene } from './claims.js';
import { inventoryScene } from './inventory.js';
import { recordsScene } from './records.js';
import { schedulingScene } from './scheduling.js';
import { simulationScene } from './simulation.js';

/** The scenes of the clinic day, in the order they happen. */
export const scenes: readonly DemoScene[] = [schedulingScene, simulationScene, claimsScene, recordsScene, inventoryScene];
