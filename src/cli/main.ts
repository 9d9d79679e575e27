/**
 * The `crosscheck` command line (see ../shared/cli-contract.md). Each command parses its options with
 * node:util's parseArgs, writes NDJSON to stdout and talks to people on stderr.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_CRASH, EXIT_USAGE, UsageError, info } from './output.ts';
import { COMMANDS, type Command } from './commands.ts';

const VERSION = '0.1.0';

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'crosscheck: turns news pages from many outlets into cross-checked stories.',
    '',
    'Usage: crosscheck <command> [options] [arguments]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `crosscheck <command> --help` for a command\'s options.',
    'Output for machines is NDJSON on stdout; progress and messages go to stderr.',
    'Exit status: 0 all inputs ok, 3 some inputs failed, 2 usage error, 1 crash.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const lines = [`Usage: crosscheck ${command.usage}`, '', command.summary];
  if (command.description) lines.push('', command.description);
  const options = Object.entries(command.options);
  if (options.length) {
    lines.push('', 'Options:');
    for (const [name, spec] of options) {
      const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
      lines.push(`  ${flag.padEnd(26)} ${spec.help}`);
    }
  }
  lines.push(`  ${'--help'.padEnd(26)} show this help`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write((target ? commandHelp(target) : globalHelp()) + '\n');
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    info(`crosscheck: unknown command "${name}"\n\n${globalHelp()}`);
    return EXIT_USAGE;
  }
  const config: ParseArgsConfig = {
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.entries(command.options).map(([k, v]) => [k, v.short ? { type: v.type, short: v.short } : { type: v.type }])),
    },
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    info(`crosscheck ${name}: ${(err as Error).message}\n\n${commandHelp(command)}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    process.stdout.write(commandHelp(command) + '\n');
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      info(`crosscheck ${name}: ${err.message}\n\nRun \`crosscheck ${name} --help\` for usage.`);
      return EXIT_USAGE;
    }
    info(`crosscheck ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_CRASH;
  }
}
