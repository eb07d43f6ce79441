// A fake OpenAI transcription server for tests and for trying podgrep without a paid API.
// It hears only the audio bytes it is sent (tone speech, see tone-speech.ts) and answers —
// errors included — the way api.openai.com does, so the real `openai` client can talk to it.
//   node tests/support/fake-whisper.ts --port 8787 [--api-key k]
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DecodeResult } from './tone-decode-worker.ts';
import { formatTranscript } from './whisper-format.ts';

export type RecordedRequest = {
  model: string;
  prompt: string | undefined;
  /** Size of the uploaded file; of the whole request body when no file could be read from it. */
  bytes: number;
  /** Of the uploaded file; '' when none could be read. */
  sha256: string;
  /** 499 (nginx's "client closed request") when the client hung up before the answer: it never got one. */
  status: number;
  words: number;
};

export type InterceptReply = { status: number; headers?: Record<string, string>; body?: unknown };

export type FakeWhisperOptions = {
  apiKey?: string;
  maxUploadBytes?: number;
  /** Answers request n (1-based, counting every transcription request) instead of transcribing it. */
  intercept?: (n: number, req: { bytes: Uint8Array; prompt?: string }) => InterceptReply | undefined;
  port?: number;
  /** One line per request, for the command line. */
  log?: (line: string) => void;
};

export type FakeWhisper = { url: string; requests: RecordedRequest[]; close(): Promise<void> };

const MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'];
const FORMATS: Record<string, string[]> = {
  'whisper-1': ['json', 'text', 'srt', 'verbose_json', 'vtt'],
  'gpt-4o-transcribe': ['json', 'text'],
  'gpt-4o-mini-transcribe': ['json', 'text'],
};
const EXTENSIONS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];
// The gpt-4o transcribe models refuse audio longer than this many seconds.
const GPT4O_MAX_SECONDS = 1500;

type Reply = { status: number; headers?: Record<string, string>; body: unknown };

function error(
  status: number,
  message: string,
  type = 'invalid_request_error',
  param: string | null = null,
  code: string | null = null,
): Reply {
  return { status, body: { error: { message, type, param, code } } };
}

// What OpenAI sends for these statuses, for intercepts that give no body.
function defaultError(status: number): unknown {
  const known: Record<number, [string, string, string | null]> = {
    429: ['Rate limit reached for requests. Please try again in 1s.', 'requests', 'rate_limit_exceeded'],
    500: ['The server had an error while processing your request. Sorry about that!', 'server_error', null],
    502: ['Bad gateway.', 'server_error', null],
    503: ['The server is overloaded or not ready yet.', 'server_error', null],
  };
  const [message, type, code] = known[status] ?? [`Request failed with status ${status}.`, 'server_error', null];
  return { error: { message, type, param: null, code } };
}

export async function startFakeWhisper(opts: FakeWhisperOptions = {}): Promise<FakeWhisper> {
  const maxUploadBytes = opts.maxUploadBytes ?? 26_214_400;
  const requests: RecordedRequest[] = [];
  const workers = new Set<Worker>();
  let count = 0;

  async function transcribe(req: IncomingMessage, record: RecordedRequest): Promise<Reply> {
    const n = ++count;
    // Read the whole body even when it will be refused, so the client sees our answer
    // instead of a reset connection; keep no more of it than the limit allows.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= maxUploadBytes) chunks.push(chunk);
    }
    record.bytes = size;
    if (opts.apiKey !== undefined) {
      const auth = req.headers.authorization;
      if (!auth?.startsWith('Bearer ')) {
        return error(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        );
      }
      if (auth.slice(7) !== opts.apiKey) {
        return error(
          401,
          `Incorrect API key provided: ${auth.slice(7, 10)}***. You can find your API key at https://platform.openai.com/account/api-keys.`,
          'invalid_request_error',
          null,
          'invalid_api_key',
        );
      }
    }
    // OpenAI measures the whole request, not just the file (its message says "bytes read").
    if (size > maxUploadBytes) {
      return error(413, `Maximum content size limit (${maxUploadBytes}) exceeded (${size} bytes read)`, 'server_error');
    }

    let form: FormData;
    try {
      const body = Buffer.concat(chunks);
      form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body,
      }).formData();
    } catch {
      return error(400, 'Could not parse multipart form', 'invalid_request_error');
    }
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : undefined;
    };
    const file = form.get('file');
    const bytes = typeof file === 'object' && file !== null ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const prompt = field('prompt');
    record.model = field('model') ?? '';
    record.prompt = prompt;
    if (bytes) {
      record.bytes = bytes.length;
      record.sha256 = createHash('sha256').update(bytes).digest('hex');
    }

    const injected = opts.intercept?.(n, { bytes: bytes ?? new Uint8Array(), ...(prompt === undefined ? {} : { prompt }) });
    if (injected) return { ...injected, body: injected.body ?? defaultError(injected.status) };

    if (!record.model) return error(400, 'you must provide a model parameter');
    if (!MODELS.includes(record.model)) {
      return error(
        400,
        `The model \`${record.model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model',
        'model_not_found',
      );
    }
    if (!bytes || typeof file !== 'object' || file === null) {
      return error(400, "Missing required parameter: 'file'.", 'invalid_request_error', 'file', 'missing_required_parameter');
    }
    const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
    if (!EXTENSIONS.includes(ext)) {
      return error(
        400,
        `Invalid file format. Supported formats: [${EXTENSIONS.map((e) => `'${e}'`).join(', ')}]`,
        'invalid_request_error',
        null,
        null,
      );
    }
    const format = field('response_format') ?? 'json';
    const allowed = FORMATS[record.model]!;
    if (!allowed.includes(format)) {
      return error(
        400,
        `response_format '${format}' is not compatible with model '${record.model}'. Use ${allowed.map((f) => `'${f}'`).join(' or ')} instead.`,
        'invalid_request_error',
        'response_format',
        'unsupported_value',
      );
    }
    // The openai client sends arrays as `name[]`; curl users send plain `name`.
    const granularities = [...form.getAll('timestamp_granularities[]'), ...form.getAll('timestamp_granularities')].map(String);
    if (granularities.some((g) => g !== 'word' && g !== 'segment')) {
      return error(
        400,
        `Invalid value for 'timestamp_granularities': expected 'word' or 'segment'.`,
        'invalid_request_error',
        'timestamp_granularities',
        'invalid_value',
      );
    }

    const decoded = bytes.length > 0 ? await decodeInWorker(bytes) : ({ ok: false, message: 'empty file' } as const);
    if (!decoded.ok) return error(400, 'Audio file might be corrupted or unsupported', 'invalid_request_error', 'file', 'invalid_value');
    if (record.model !== 'whisper-1' && decoded.duration > GPT4O_MAX_SECONDS) {
      return error(
        400,
        `audio duration ${decoded.duration} seconds is longer than ${GPT4O_MAX_SECONDS} seconds which is the maximum for this model`,
        'invalid_request_error',
        null,
        'invalid_value',
      );
    }
    record.words = decoded.words.length;
    const out = formatTranscript(format, decoded.words, decoded.duration, granularities.length > 0 ? granularities : ['segment']);
    return { status: 200, headers: { 'content-type': out.contentType }, body: out.body };
  }

  function decodeInWorker(bytes: Uint8Array): Promise<DecodeResult> {
    return new Promise((done) => {
      const worker = new Worker(new URL('./tone-decode-worker.ts', import.meta.url), { workerData: bytes });
      workers.add(worker);
      let result: DecodeResult = { ok: false, message: 'decoder stopped' };
      worker.once('message', (m: DecodeResult) => (result = m));
      worker.once('error', (e) => (result = { ok: false, message: e.message }));
      worker.once('exit', () => {
        workers.delete(worker);
        done(result);
      });
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const path = (req.url ?? '/').split('?')[0]!;
    let reply: Reply;
    if (req.method === 'POST' && path === '/v1/audio/transcriptions') {
      const record: RecordedRequest = { model: '', prompt: undefined, bytes: 0, sha256: '', status: 0, words: 0 };
      // A killed indexer leaves its request decoding here; the answer that follows reaches nobody and is no answer.
      let hungUp = false;
      res.once('close', () => {
        if (!res.writableEnded) hungUp = true;
      });
      try {
        reply = await transcribe(req, record);
      } catch (e) {
        reply = error(500, `The server had an error while processing your request: ${(e as Error).message}`, 'server_error');
      }
      record.status = hungUp ? 499 : reply.status;
      requests.push(record);
      opts.log?.(`${reply.status} ${record.model || '-'} ${record.bytes} bytes, ${record.words} words, ${Date.now() - started} ms`);
    } else if (req.method === 'GET' && path === '/v1/models') {
      req.resume();
      reply = {
        status: 200,
        body: { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'system' })) },
      };
    } else {
      req.resume();
      reply = error(404, `Invalid URL (${req.method} ${path})`);
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      'openai-processing-ms': String(Date.now() - started),
      'openai-version': '2020-10-01',
      ...reply.headers,
    });
    res.end(body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(defaultError(500)));
      opts.log?.(`handler failed: ${e.message}`);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await Promise.all([...workers].map((w) => w.terminate()));
      await closed;
    },
  };
}

// Run by hand: serve until Ctrl-C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const apiKey = arg('--api-key');
  const maxUploadBytes = arg('--max-upload-bytes');
  const fake = await startFakeWhisper({
    port: Number(arg('--port') ?? 8787),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(maxUploadBytes === undefined ? {} : { maxUploadBytes: Number(maxUploadBytes) }),
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`fake whisper listening on ${fake.url} (hears tone speech only; Ctrl-C stops it)`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
