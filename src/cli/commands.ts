import type { CliCommand } from './command.js';
import { claimsCommand } from './claims.js';
import { inventoryCommand } from './inventory.js';
import { recordsCommand } from './records.js';
import { scheduleCommand } from './schedule.js';

/** Every module's commands, in the order the help lists them. */
export const commands: readonly CliCommand[] = [scheduleCommand, claimsCommand, recordsCommand, inventoryCommand];
