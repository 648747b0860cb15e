import { describe, expect, it } from 'vitest';
import { commandGroup, ExitCode, parseCommandArgs, type CliCommand } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands.js';
import { VERSION } from '../../src/cli/version.js';
import { fakeIo } from './fakeIo.js';

const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its words',
  usage: 'Usage: medoffice demo echo [words...] [--format text|json]',
  run: async (argv, io) => {
    const parsed = parseCommandArgs(argv, { loud: { type: 'boolean' } });
    if (typeof parsed === 'string') {
      io.err(`${parsed}\n`);
      return ExitCode.usage;
    }
    const words = parsed.values['loud'] === true ? parsed.positionals.map((w) => w.toUpperCase()) : parsed.positionals;
    io.out(parsed.format === 'json' ? `${JSON.stringify(words)}\n` : `${words.join(' ')}\n`);
    return words.length === 0 ? ExitCode.findings : ExitCode.ok;
  },
};
const group = commandGroup('demo', 'commands for testing', [echo]);

describe('the medoffice command line', () => {
  it('prints its version', async () => {
    const io = fakeIo();
    expect(await runCli(['--version'], io, commands, VERSION)).toBe(ExitCode.ok);
    expect(io.stdout().trim()).toBe(VERSION);
  });

  it('prints help to stdout with --help and to stderr with exit 2 when given nothing', async () => {
    const helpIo = fakeIo();
    expect(await runCli(['--help'], helpIo, [group], VERSION)).toBe(ExitCode.ok);
    expect(helpIo.stdout()).toContain('demo');
    const emptyIo = fakeIo();
    expect(await runCli([], emptyIo, [group], VERSION)).toBe(ExitCode.usage);
    expect(emptyIo.stderr()).toContain('Usage: medoffice');
  });

  it('dispatches to subcommands with --format', async () => {
    const io = fakeIo();
    expect(await runCli(['demo', 'echo', 'a', 'b', '--format', 'json'], io, [group], VERSION)).toBe(ExitCode.ok);
    expect(JSON.parse(io.stdout())).toEqual(['a', 'b']);
  });

  it('answers unknown commands, options and formats with exit 2 on stderr', async () => {
    for (const argv of [['nope'], ['demo', 'nope'], ['demo', 'echo', '--bogus'], ['demo', 'echo', '--format', 'xml']]) {
      const io = fakeIo();
      expect(await runCli(argv, io, [group], VERSION)).toBe(ExitCode.usage);
      expect(io.stderr()).not.toBe('');
      expect(io.stdout()).toBe('');
    }
  });

  it('turns a command that throws into exit 2 with the message on stderr', async () => {
    const broken: CliCommand = { name: 'broken', summary: 's', usage: 'u', run: async () => Promise.reject(new Error('disk on fire')) };
    const io = fakeIo();
    expect(await runCli(['broken'], io, [broken], VERSION)).toBe(ExitCode.usage);
    expect(io.stderr()).toContain('disk on fire');
  });

  it('passes a command\'s findings exit code through', async () => {
    const io = fakeIo();
    expect(await runCli(['demo', 'echo'], io, [group], VERSION)).toBe(ExitCode.findings);
  });

  it('every registered module command answers --help with exit 0', async () => {
    for (const command of commands) {
      const io = fakeIo();
      expect(await runCli([command.name, '--help'], io, commands, VERSION)).toBe(ExitCode.ok);
      expect(io.stdout()).toContain(command.name);
    }
  });

  it('lists its own options, -h and -v included, before the line that points to a command\'s help', async () => {
    const io = fakeIo();
    expect(await runCli(['-h'], io, commands, VERSION)).toBe(ExitCode.ok);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe('Usage: medoffice <command> [options]');
    expect(lines.slice(-5)).toEqual(['Options:', '  -h, --help     print this help', '  -v, --version  print the version', '', "Run 'medoffice <command> --help' for a command's options."]);
    for (const command of commands) expect(io.stdout()).toContain(`  ${command.name.padEnd(12)} ${command.summary}\n`);
    const version = fakeIo();
    expect(await runCli(['-v'], version, commands, VERSION)).toBe(ExitCode.ok);
    expect(version.stdout()).toBe(`${VERSION}\n`);
  });
});
