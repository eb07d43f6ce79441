import { PodgrepError } from '../../src/errors.ts';
import { terminalText } from '../../src/terminal-text.ts';

/** The one place errors end a program: podgrep's own are shown as a message, anything else is a bug and keeps its stack. */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    console.error(error instanceof PodgrepError ? `podgrep: ${terminalText(error.message)}` : error);
    process.exitCode = 2;
  }
}
