import { commandGroup } from './command.js';
import { bookCommand } from './schedule/book.js';
import { optimizeCommand } from './schedule/optimize.js';
import { simulateCommand } from './schedule/simulate.js';
import { slotsCommand } from './schedule/slots.js';

/** `medoffice schedule`: availability, booking, optimisation and simulation. */
export const scheduleCommand = commandGroup('schedule', 'Availability, booking, slot optimisation and clinic simulation', [
  slotsCommand,
  bookCommand,
  optimizeCommand,
  simulateCommand,
]);
