// undici from npm, not Node's bundled fetch: Node 24's copy crashes the process (an uncatchable assertion) when a
// server closes the connection while the body is paused under backpressure, which streaming to disk causes
// (nodejs/undici#5360, fixed in undici 8). Hosts that end the body with a FIN (HTTP/1.0, `Connection: close`) do that.
// Its own Agent too: undici shares one global dispatcher with Node's copy, which would bring the bug back.
import { Agent, type Dispatcher, fetch, type Response } from 'undici';
import { AudioError, DownloadDeadlineError, PrivateAddressError } from '../../src/errors.ts';
import { totalDeadline } from './download-deadline.ts';
import { type Answer, failure, type HttpOptions, overLimit, type Reply, reply, via } from './http-body.ts';
import { guardedAgent } from './url-guard.ts';

/** For ALLOW_PRIVATE_URLS=1: connects wherever the URL says. */
const agent = new Agent();

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GETs an audio URL through `openUrl`, and refuses an answer that is an error, not audio, empty or too large. */
export async function openAudio(url: string, options: HttpOptions): Promise<Answer> {
  const reply = await openUrl(url, { ...options, what: 'audio' });
  const at = reply.finalUrl;
  const refuse = (message: string) => {
    void reply.discard();
    return new AudioError(`audio ${url} ${message}`);
  };
  if (reply.status !== 304) {
    if (reply.status < 200 || reply.status > 299)
      throw refuse(`answered HTTP ${`${reply.status} ${reply.statusText}`.trim()}${via(url, at)}`);
    // A podcast host's error or login page often answers 200; transcribing it would cost money and find nothing.
    const type = reply.headers.get('content-type') ?? '';
    if (/^text\/|html|json|xml/i.test(type)) throw refuse(`is not audio: the server sent ${type.split(';')[0]}${via(url, at)}`);
    const length = reply.headers.get('content-length');
    if (length === '0') throw refuse('is empty');
    if (Number(length) > options.maxBytes) throw refuse(`${overLimit(options.maxBytes)}: the server announces ${length} bytes`);
  }
  return reply;
}

/**
 * The guarded GET behind every download an episode file asks for (audio and `transcript_url`). Redirects are followed
 * by hand so each hop can be checked: podcast CDNs chain several (podtrac → chartable → host), and a hop to `file:`, a
 * loop, or a private address must be an error, not whatever fetch would do. Every connection goes through
 * `options.guard`; connect and idle timeouts; `maxBytes` is counted as the body streams. Answers any status but a
 * redirect; errors are AudioErrors naming the URL.
 */
export async function openUrl(url: string, options: HttpOptions): Promise<Reply> {
  const what = options.what ?? 'audio';
  // One controller for the whole chain and its body: the timeouts abort it with their own AudioError as the reason.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const dispatcher = options.guard ? guardedAgent(options.guard) : agent;
  const seen = new Set<string>();
  const deadline = totalDeadline(options, (message) => controller.abort(new DownloadDeadlineError(`${what} ${url} ${message}`)));
  let at = url;
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(at);
      const response = await answerOf(url, at, { signal, controller, dispatcher, options: { ...options, what } });
      if (!REDIRECTS.has(response.status)) {
        deadline.length(Number(response.headers.get('content-length') ?? NaN));
        return reply(url, at, response, signal, controller, { ...options, what }, deadline.clear);
      }
      at = await nextHop(url, at, response, seen, redirects, { ...options, what });
    }
  } catch (error) {
    deadline.clear();
    throw error;
  }
}

/** Where a redirect leads, if it is a hop podgrep follows. */
async function nextHop(
  url: string,
  at: string,
  response: Response,
  seen: Set<string>,
  redirects: number,
  options: HttpOptions & { what: string },
): Promise<string> {
  const { what } = options;
  await response.body?.cancel();
  const location = response.headers.get('location');
  if (!location) throw new AudioError(`${what} ${url} answered HTTP ${response.status} without a Location${via(url, at)}`);
  const next = URL.parse(location, at);
  if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
    throw new AudioError(`${what} ${url} redirected to ${next?.href ?? location}, which is not an http(s) URL`);
  }
  if (seen.has(next.href)) throw new AudioError(`${what} ${url} redirects in a loop (back to ${next.href})`);
  if (redirects + 1 > options.maxRedirects) throw new AudioError(`${what} ${url} redirected more than ${options.maxRedirects} times`);
  return next.href;
}

type Hop = { signal: AbortSignal; controller: AbortController; dispatcher: Dispatcher; options: HttpOptions & { what: string } };

async function answerOf(url: string, at: string, { signal, controller, dispatcher, options }: Hop): Promise<Response> {
  const { what } = options;
  const timer = setTimeout(
    () => controller.abort(new AudioError(`${what} ${url} did not answer within ${options.connectTimeoutMs / 1000} s${via(url, at)}`)),
    options.connectTimeoutMs,
  );
  try {
    return await fetch(at, {
      dispatcher,
      signal,
      redirect: 'manual',
      // identity: Content-Length is then the file's size, which the cap and the cache's same-size check rely on.
      headers: { 'user-agent': 'podgrep (podcast search indexer)', 'accept-encoding': 'identity', ...options.headers },
    });
  } catch (error) {
    const refused = privateAddress(error);
    if (refused) {
      const where = at === url ? `${url} points to` : `${url} redirected to ${at}, which points to`;
      const target = refused.host === refused.address ? refused.address : `${refused.host} (${refused.address})`;
      throw new AudioError(
        `${what} ${where} ${target}, a loopback, private or link-local address, which podgrep does not fetch from ` +
          'unless ALLOW_PRIVATE_URLS=1 is set',
        { cause: refused },
      );
    }
    throw failure(error, signal, `${what} ${url} could not be downloaded${via(url, at)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The guard's refusal, however deep undici wrapped it (fetch's TypeError → connect error → …). */
function privateAddress(error: unknown): PrivateAddressError | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    if (at instanceof PrivateAddressError) return at;
    if (at instanceof AggregateError) return at.errors.map(privateAddress).find(Boolean);
  }
  return undefined;
}
