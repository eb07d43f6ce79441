/** Where the lines go: stdout, or anything that takes text (tests, a log callback). */
export type Output = { isTTY?: boolean; columns?: number; write(text: string): unknown };

export type LiveStatusOptions = {
  /** Outside a terminal, the least time between two status lines while the work advances. @default 10_000 */
  intervalMs?: number | undefined;
  /** Outside a terminal, a status line while nothing advances (a long transcription), so a CI log shows the run is alive. @default 60_000 */
  quietMs?: number | undefined;
  /** In a terminal, nothing is drawn before this: work over sooner leaves the screen as it was. @default 0 */
  delayMs?: number | undefined;
};

/** What the status says: the lines drawn in a terminal, and the one line printed now and then in a pipe. */
export type StatusText = { live(): string[]; line(): string };

/**
 * A status that stays current while a stage of the run works: every stage that takes long (reading the episode files,
 * indexing the episodes, estimating a dry run) shows its progress this one way. In a terminal, lines at the bottom
 * redrawn in place; in CI or a pipe, a line every `intervalMs` while the work advances, and every `quietMs` while it
 * does not. Lines printed through it stay, above the status.
 */
export type LiveStatus = {
  /** The status changed; `advanced` (an episode finished, a file was read) also counts towards a line in a pipe. */
  changed(advanced: boolean): void;
  /** A line that stays. */
  print(line: string): void;
  /** From now on the status changes every second by itself (the time a wait has lasted), and is shown so. */
  ticking(): void;
  /** Clears the status (in a terminal) and stops its timers. */
  done(): void;
};

export function liveStatus(stream: Output, text: StatusText, options: LiveStatusOptions = {}): LiveStatus {
  if (!stream.isTTY) {
    const interval = options.intervalMs ?? 10_000;
    const quiet = options.quietMs ?? 60_000;
    let printed = Date.now();
    let advances = 0;
    let advancesAtLine = 0;
    let ticking = false;
    const write = (line: string) => void stream.write(`${line}\n`);
    // A timer, not only the next event: while one long transcription runs, nothing else happens to print the line.
    const timer = setInterval(
      () => {
        if (ticking) advances++;
        const elapsed = Date.now() - printed;
        if ((advances > advancesAtLine && elapsed >= interval) || elapsed >= quiet) {
          write(text.line());
          printed = Date.now();
          advancesAtLine = advances;
        }
      },
      Math.min(interval, 1000),
    ).unref();
    return {
      changed: (advanced) => void (advanced && advances++),
      print: write,
      ticking: () => void (ticking = true),
      done: () => clearInterval(timer),
    };
  }

  const shownFrom = Date.now() + (options.delayMs ?? 0);
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  let tick: NodeJS.Timeout | undefined;
  let over = false;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  const clear = () => {
    // Cursor up over the live lines, then erase to the end of the screen.
    if (drawn) stream.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = () => {
    timer = undefined;
    clear();
    const lines = text.live();
    // Cut, never wrapped: a wrapped line would throw the next redraw's cursor count off.
    stream.write(`${lines.map((line) => line.slice(0, width())).join('\n')}\n`);
    drawn = lines.length;
  };
  // Redraws are coalesced: a hundred updates a second would make the terminal, not the indexer, the bottleneck.
  const schedule = () => {
    if (!over) timer ??= setTimeout(draw, Math.max(100, shownFrom - Date.now()));
  };
  return {
    changed: schedule,
    print(line) {
      clear();
      stream.write(`${line}\n`);
      schedule();
    },
    ticking() {
      tick ??= setInterval(schedule, 1000).unref();
    },
    done() {
      over = true;
      clearInterval(tick);
      if (timer) clearTimeout(timer);
      timer = undefined;
      clear();
    },
  };
}

/** A stage measured by a count: `1,234/3,149 episode files read (39 %)`. */
export function countStatus(stream: Output, what: string, options: LiveStatusOptions = {}) {
  let count = 0;
  let total = 0;
  const line = () => countText(count, total, what);
  const status = liveStatus(stream, { live: () => [`  ${line()}`], line }, options);
  return {
    set(done: number, of: number) {
      count = done;
      total = of;
      status.changed(true);
    },
    done: () => status.done(),
  };
}

/** `1,234/3,149 episode files (39 %)`. */
export function countText(count: number, total: number, what: string): string {
  return `${count.toLocaleString('en')}/${total.toLocaleString('en')} ${what} (${total ? Math.floor((100 * count) / total) : 100} %)`;
}

/** `12 s`, `3 min 5 s`: how long a wait has lasted. */
export function elapsedText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
