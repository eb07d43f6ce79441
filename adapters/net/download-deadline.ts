/** The slowest average a download may keep up, which sizes its deadline: 1 GiB in about three hours. */
export const MIN_BYTES_PER_SECOND = 100_000;
/** Added to every sized deadline: connecting, redirects and a slow start cost time whatever the size. */
export const DEADLINE_FLOOR_MS = 60_000;

type DeadlineOptions = { maxBytes: number; deadlineMs?: number | undefined; minBytesPerSecond?: number | undefined; limitName?: string };

/**
 * The total deadline of one download, from its first request to its last byte: the idle timeout alone lets a host
 * that trickles a byte every few seconds hold an episode's slot for good. Armed for `maxBytes` and shortened once the
 * length is announced, so a small file on a trickling host fails in minutes, not hours. `expire` gets the reason
 * (starting with "did not finish"). Unref'd: an answer nobody reads must not keep the process alive.
 */
export function totalDeadline(options: DeadlineOptions, expire: (message: string) => void) {
  const started = Date.now();
  const rate = options.minBytesPerSecond ?? MIN_BYTES_PER_SECOND;
  const budget = (bytes: number) => options.deadlineMs ?? DEADLINE_FLOOR_MS + Math.ceil((bytes / rate) * 1000);
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, sizedBy: string) => {
    clearTimeout(timer);
    const why =
      options.deadlineMs === undefined
        ? `: the time ${sizedBy} allows at ${rate} bytes a second (AUDIO_MIN_BYTES_PER_SECOND), plus ${DEADLINE_FLOOR_MS / 1000} s`
        : ' (AUDIO_DEADLINE_SECONDS)';
    timer = setTimeout(
      () => expire(`did not finish downloading within ${Math.round(ms / 1000)} s${why}`),
      Math.max(0, started + ms - Date.now()),
    );
    timer.unref();
  };
  arm(budget(options.maxBytes), `its size limit (${options.limitName ?? 'AUDIO_MAX_BYTES'})`);
  return {
    /** The Content-Length announced (NaN when none). */
    length(bytes: number) {
      if (options.deadlineMs === undefined && bytes >= 0 && bytes < options.maxBytes)
        arm(budget(bytes), `its announced length (${bytes} bytes)`);
    },
    clear: () => clearTimeout(timer),
  };
}
