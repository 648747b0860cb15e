import { commands } from './commands.js';
import { nodeIo } from './nodeIo.js';
import { runCli } from './run.js';
import { VERSION } from './version.js';

void runCli(process.argv.slice(2), nodeIo(), commands, VERSION).then((code) => {
  process.exitCode = code;
});
