#!/usr/bin/env node
import { runCli } from '../adapters/cli/run-cli.ts';
import { searchCommand } from './search-command.ts';

/** `podgrep <command>`: the one entry point for people who installed podgrep; npm scripts call the same code. */
const COMMANDS: Record<string, { run: () => Promise<number | void>; what: string }> = {
  start: { run: async () => (await import('./start.ts')).main(), what: 'search engine up, episodes indexed, page served' },
  index: {
    run: async () => (await import('../indexer/commands/index-command.ts')).main(),
    what: 'index EPISODES_DIR (--dry-run: estimate only)',
  },
  serve: { run: async () => (await import('../web/server.ts')).main(), what: 'serve the page over what is indexed' },
  search: { run: () => searchCommand(process.argv.slice(2)), what: 'search from the terminal (--json for scripts)' },
};

const command = process.argv[2];
const known = command ? COMMANDS[command] : undefined;
if (known) {
  // The command's own options follow it; its parser reads process.argv from index 2.
  process.argv.splice(2, 1);
  await runCli(known.run);
} else {
  console.log(
    `Usage: podgrep <command>\n\n${Object.entries(COMMANDS)
      .map(([name, { what }]) => `  ${name.padEnd(8)}${what}`)
      .join('\n')}`,
  );
  process.exitCode = command ? 2 : 0;
}
