/** Base for every error podgrep reports to a user: its message is meant to be read, not debugged. */
export class PodgrepError extends Error {
  override name = 'PodgrepError';
}

/** An episode file (or a file that belongs to it, like a transcript) that cannot be used, and why. */
export class EpisodeError extends PodgrepError {
  override name = 'EpisodeError';
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file}: ${reason}`, options);
    this.file = file;
  }
}

/** The configuration is wrong; every problem is listed at once so a user fixes them in one go. */
export class ConfigError extends PodgrepError {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** A request that cannot be answered as asked (bad query, bad page); the message is shown to the client. */
export class BadRequestError extends PodgrepError {
  override name = 'BadRequestError';
}

/** The search engine could not be reached or refused the work. */
export class SearchEngineError extends PodgrepError {
  override name = 'SearchEngineError';
}

/** Transcription failed for one episode; the run goes on with the others. */
export class TranscriptionError extends PodgrepError {
  override name = 'TranscriptionError';
}
