import { clearScreenDown, moveCursor } from 'node:readline';
import { oneLine, terminalText } from '../../src/terminal-text.ts';

/**
 * Progress of the episodes in flight. In a terminal, one live line per active episode, redrawn in place; in CI or a
 * pipe, a plain log line whenever an episode moves to a new stage.
 */
export type Progress = {
  update(slug: string, stage: string): void;
  log(line: string): void;
  done(): void;
};

const FINISHED = /^(indexed|failed)/;

export function progressReporter(stream: NodeJS.WriteStream = process.stdout, total: number): Progress {
  const reporter = reporterFor(stream, total);
  // Slugs come from file names and stages quote errors, both content: an ESC in a file name must not move the cursor,
  // clear the screen or set the clipboard. This is the one gate before the terminal.
  return {
    update: (slug, stage) => reporter.update(oneLine(slug), oneLine(stage)),
    log: (line) => reporter.log(terminalText(line)),
    done: () => reporter.done(),
  };
}

function reporterFor(stream: NodeJS.WriteStream, total: number): Progress {
  let finished = 0;
  if (!stream.isTTY) {
    return {
      update(slug, stage) {
        if (FINISHED.test(stage)) finished++;
        stream.write(`${FINISHED.test(stage) ? `[${finished}/${total}] ` : ''}${slug}: ${stage}\n`);
      },
      log: (line) => void stream.write(`${line}\n`),
      done() {},
    };
  }
  const active = new Map<string, string>();
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  const clear = () => {
    if (drawn) {
      moveCursor(stream, 0, -drawn);
      clearScreenDown(stream);
    }
    drawn = 0;
  };
  const draw = () => {
    timer = undefined;
    clear();
    const lines = [...active].map(([slug, stage]) => `  ${slug}: ${stage}`.slice(0, width()));
    lines.push(`  ${finished}/${total} episodes done`);
    stream.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  // Redraws are coalesced: a hundred updates a second would make the terminal, not the indexer, the bottleneck.
  const schedule = () => (timer ??= setTimeout(draw, 100));
  return {
    update(slug, stage) {
      if (FINISHED.test(stage)) {
        finished++;
        active.delete(slug);
        clear();
        stream.write(`${stage.startsWith('failed') ? '✗' : '✓'} ${slug}: ${stage}\n`);
      } else {
        active.set(slug, stage);
      }
      schedule();
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      schedule();
    },
    done() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      clear();
    },
  };
}
