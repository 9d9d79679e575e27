/**
 * Runs `crosscheck worker` or `crosscheck enqueue` without the main command table:
 * `node --import tsx src/worker/main.ts worker --db postgres://…`. Tests and the scale benchmark start
 * workers this way, so they do not depend on how the commands are registered.
 */
import { parseArgs } from 'node:util';
import { enqueueCommand, workerCommand } from '../cli/scale-commands.ts';
import { EXIT_CRASH, EXIT_USAGE, UsageError, info } from '../cli/output.ts';

const [name, ...rest] = process.argv.slice(2);
const command = [workerCommand, enqueueCommand].find((c) => c.name === name);
if (!command) {
  info('usage: main.ts worker|enqueue [options]');
  process.exitCode = EXIT_USAGE;
} else {
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: Object.fromEntries(Object.entries(command.options).map(([key, spec]) => [key, { type: spec.type }])),
    });
    process.exitCode = await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (error) {
    info(`${name}: ${(error as Error).message}`);
    process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_CRASH;
  }
}
