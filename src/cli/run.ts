import { ExitCode, type CliCommand, type CliIo, type ExitCodeValue } from './command.js';

/**
 * Runs the `medoffice` tool over the given words with the given commands. Never throws: an
 * unexpected failure is written to stderr and answered with exit code 2.
 *
 * @example
 * ```ts
 * const code = await runCli(['--version'], io, commands, '0.1.0');
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[], version: string): Promise<ExitCodeValue> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  const rootUsage = usageOf(commands);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(`${rootUsage}\n`);
    return argv.length === 0 ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((c) => c.name === argv[0]);
  if (command === undefined) {
    io.err(`medoffice: unknown command '${argv[0]}'\n\n${rootUsage}\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(argv.slice(1), io);
  } catch (error) {
    io.err(`medoffice ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  }
}

/** The tool's help: its commands, its own options, and where to read a command's. */
function usageOf(commands: readonly CliCommand[]): string {
  return [
    'Usage: medoffice <command> [options]',
    '',
    'medoffice: scheduling, claims, records and inventory for a medical office.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     print this help',
    '  -v, --version  print the version',
    '',
    "Run 'medoffice <command> --help' for a command's options.",
  ].join('\n');
}
