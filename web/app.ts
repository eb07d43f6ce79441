import path from 'node:path';
import compression from 'compression';
import express, { type Request } from 'express';
import helmet from 'helmet';
import { openLocalAudio } from '../adapters/files/local-audio.ts';
import type { SearchBackend } from '../src/ports.ts';
import { parseClip } from '../src/search/clip.ts';
import { MAX_QUERY_LENGTH, parseSearchQuery, queryText } from '../src/search/search-request.ts';
import type { SearchResponse } from '../src/search/search-results.ts';
import { chosenSecond } from '../src/search/urls.ts';
import { answerError, failWith } from './answer-error.ts';
import { exportsRouter } from './exports.ts';
import { rateLimit } from './rate-limit.ts';
import { serveAudio } from './serve-audio.ts';
import { readSiteInfo, type SiteInfo } from './site-info.ts';
import { episodePage } from './views/episode-page.ts';
import { notFoundPage, slugWords } from './views/not-found.ts';
import { researchPage } from './views/research-page.ts';
import { resultsSection, searchPage } from './views/search-page.ts';
import { RECENT_EPISODES, type Shelf } from './views/shelf.ts';

export type AppDeps = {
  search: SearchBackend;
  /** Searches a minute per client; 0 or absent: no limit. */
  rateLimit?: number;
  /** Express's `trust proxy` (TRUST_PROXY), so the limit counts clients behind a proxy. @default false */
  trustProxy?: boolean | number | string;
  /** Local audio is served from this folder only (and `audioDirs`). */
  episodesDir: string;
  /** AUDIO_DIRS: further folders local audio may be served from. @default [] */
  audioDirs?: readonly string[];
  log?: (line: string) => void;
  /** Podcasts' names and example queries; read from `podgrep.yml` and `glossary.yml` in episodesDir when absent. */
  site?: SiteInfo;
};

const STATIC_DIR = path.join(import.meta.dirname, 'static');

/** Builds the web app without listening, so tests can run it in-process; server.ts does the listening. */
export function createApp({
  search,
  episodesDir,
  audioDirs = [],
  rateLimit: perMinute = 0,
  trustProxy = false,
  log = console.error,
  site,
}: AppDeps): express.Express {
  const app = express();
  const siteInfo = site ? Promise.resolve(site) : readSiteInfo(episodesDir, log);
  // Podcasts by name on every page that names one (podgrep.yml's `podcasts:`).
  const names = async () => (await siteInfo).podcastNames;
  // What the home and "nothing found" pages offer; the newest episodes only where they are shown.
  const shelf = async (withRecent: boolean): Promise<Shelf> => ({
    ...(await siteInfo),
    recent: withRecent ? ((await search.recent?.(RECENT_EPISODES).catch(() => [])) ?? []) : [],
  });
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Scripts and styles only from /static: transcripts and show notes are untrusted text, and nothing inline runs.
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          // Episodes' audio lives on podcast hosts anywhere on the web.
          mediaSrc: ["'self'", 'https:', 'http:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Audio from other hosts must be allowed to load into the page.
      crossOriginEmbedderPolicy: false,
    }),
  );
  // An hour-long episode's page is ~150 KB of HTML (a 3-hour one ~440 KB) and ~20 % of that gzipped: pages, scripts,
  // styles, JSON and exports go compressed to a client that asks; audio is never compressed (it is not compressible).
  app.use(compression());
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h', index: false }));
  const limited = rateLimit(perMinute);
  app.use(['/search', '/api/search', '/research'], limited);
  // Episode pages read two documents each: a crawler walking every slug costs what searching does. Their audio is not
  // limited: a player fetches it in many Range requests.
  app.use('/episodes', (req, res, next) => (/^\/[^/]+\/?$/.test(req.path) ? limited(req, res, next) : next()));

  app.get('/', async (_req, res) => {
    res.type('html').send(searchPage('', { shelf: await shelf(true) }).value);
  });

  app.get('/search', async (req, res) => {
    const q = firstString(req.query.q) ?? '';
    // `fragment=1`: only the results, for the page script's search as you type.
    const render = firstString(req.query.fragment) === '1' ? resultsSection : searchPage;
    if (!queryText(q))
      return render === searchPage ? res.redirect('/') : res.type('html').send(render('', { shelf: await shelf(true) }).value);
    failWith(res, { page: (error) => render(q, { error }) });
    const results = await search.search(parseSearchQuery(req.query));
    res.type('html').send(render(q, { results, shelf: await shelf(results.totalEpisodes === 0) }).value);
  });

  app.get('/research', async (req, res) => {
    const q = firstString(req.query.q) ?? '';
    if (!queryText(q)) return res.type('html').send(researchPage('', {}).value);
    failWith(res, { page: (error) => researchPage(q, { error }) });
    const query = parseSearchQuery(req.query);
    const [points, selected] = await Promise.all([
      search.timeline(query),
      query.episode ? search.search({ ...query, page: 1 }) : undefined,
    ]);
    res.type('html').send(researchPage(q, { points, page: query.page, names: await names(), ...(selected ? { selected } : {}) }).value);
  });

  app.get('/api/search', async (req, res) => {
    failWith(res, { json: (error) => ({ error }) });
    res.json(await search.search(parseSearchQuery(req.query)));
  });

  app.get('/episodes/:slug', async (req, res) => {
    const clip = parseClip(firstString(req.query.t));
    // The time a result showed for this moment (`&at=`), which "Play from" names; the player still starts at `t`.
    const at = clip?.end === undefined ? chosenSecond(firstString(req.query.at), clip?.start) : undefined;
    // The search that led here (`&q=` on moment links): its words are marked. One that could not be searched is none.
    const asked = queryText(firstString(req.query.q));
    const q = asked.length <= MAX_QUERY_LENGTH ? asked : '';
    const [episode, lines] = await Promise.all([
      search.episode(req.params.slug),
      search.transcript(req.params.slug, { sentences: true, ...(q ? { q } : {}) }),
    ]);
    if (!episode) {
      return notFound(res, `No episode called “${req.params.slug}”.`, {
        ...(await lookAlike(search, req.params.slug)),
        names: await names(),
      });
    }
    const view = { t: clip?.start, end: clip?.end, at, q: q || undefined, names: await names() };
    res.type('html').send(episodePage(episode, lines, view).value);
  });

  app.get('/episodes/:slug/audio', async (req, res) => {
    // Players fetch audio in many Range requests: each reads one small document, never the transcript.
    failWith(res, { json: (error) => ({ error }) });
    const audioPath = (await search.episode(req.params.slug))?.audioPath;
    if (!audioPath) return notFound(res, 'This episode has no local audio.');
    // Checked again at every request, as at index time: the folder may have changed since (local-audio.ts).
    const audio = await openLocalAudio(path.resolve(episodesDir, audioPath), { dirs: [episodesDir, ...audioDirs] });
    await serveAudio(req, res, audio, req.params.slug);
  });

  app.use(exportsRouter(search));

  app.get('/healthz', async (_req, res) => {
    failWith(res, { status: 503, json: (error) => ({ status: 'unavailable', searchEngine: 'unreachable', error }) });
    const health = await search.health();
    res.json({ status: 'ok', searchEngine: health.status });
  });

  app.use((_req, res) => notFound(res, 'There is no page here.'));
  app.use(answerError(log));
  return app;
}

function notFound(res: express.Response, message: string, lookAlike?: Parameters<typeof notFoundPage>[1]) {
  res.status(404).type('html').send(notFoundPage(message, lookAlike).value);
}

/** The episodes a missing episode's slug finds by its words: an old or mistyped link was most likely meant for one. */
async function lookAlike(search: SearchBackend, slug: string): Promise<{ q: string; results?: SearchResponse }> {
  const q = slugWords(slug);
  if (!q) return { q };
  try {
    return { q, results: await search.search(parseSearchQuery({ q })) };
  } catch {
    // A search that fails here only leaves the suggestions out: the page is a 404 either way.
    return { q };
  }
}

function firstString(value: Request['query'][string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
