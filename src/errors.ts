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

/** A feed that cannot be read at all (not RSS, not well-formed XML, an entity it would have to expand). */
export class FeedFormatError extends PodgrepError {
  override name = 'FeedFormatError';
}

/** Why one item of a feed could not become an episode; the rest of the feed still can. */
export class ItemError extends PodgrepError {
  override name = 'ItemError';
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

/** Audio that could not be fetched or used; the message names the URL (or path) and what was wrong. */
export class AudioError extends PodgrepError {
  override name = 'AudioError';
}

/** A download that ran past its total deadline: a host trickling bytes would otherwise hold an episode's slot for good. */
export class DownloadDeadlineError extends AudioError {
  override name = 'DownloadDeadlineError';
}

/** A connection refused because of where it would go; the download turns it into an error naming the URL. */
export class PrivateAddressError extends PodgrepError {
  override name = 'PrivateAddressError';
  readonly host: string;
  readonly address: string;
  constructor(host: string, address: string) {
    super(`${host === address ? address : `${host} (${address})`} is a private or reserved address`);
    this.host = host;
    this.address = address;
  }
}

/**
 * Local audio (`audio_url: episode.mp3`) is read by the indexer and served by the web page from the site's own origin,
 * so it must be audio and must be inside the catalogue: a symlink to /etc/passwd, an episode's own .md, or an HTML or
 * SVG file with a script would otherwise be published or run under podgrep's CSP (`script-src 'self'`).
 */
export class LocalAudioError extends AudioError {
  override name = 'LocalAudioError';
  /** What is wrong, without the path: for the listener's 404 and for "audio_url: …" messages. */
  readonly reason: string;
  constructor(file: string, reason: string, options?: ErrorOptions) {
    super(`audio ${file} ${reason}`, options);
    this.reason = reason;
  }
}

/** ffmpeg could not read the audio: the file is not audio, or is damaged. */
export class AudioDecodeError extends PodgrepError {
  override name = 'AudioDecodeError';
}

/** The server refused the upload as too large (HTTP 413): the caller splits the piece and tries again. */
export class UploadTooLargeError extends TranscriptionError {
  override name = 'UploadTooLargeError';
}
