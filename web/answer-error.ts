import type { ErrorRequestHandler, Response } from 'express';
import { BadRequestError, LocalAudioError, SearchEngineError } from '../src/errors.ts';
import type { Html } from './html.ts';
import { errorPage, notFoundPage } from './views/not-found.ts';

/** How a route answers when it fails, for the one error handler: its own page or JSON; the error page otherwise. */
export type Failure = { page?: (message: string) => Html; json?: (message: string) => object; text?: true; status?: number };

export function failWith(res: Response, failure: Failure): void {
  res.locals.failure = failure;
}

/**
 * The one place a request's error becomes an answer (Express 5 hands rejected handlers here): our own errors keep their
 * message and status, anything else is logged and shown as "Something went wrong on our side", never a stack trace.
 */
export function answerError(log: (line: string) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    // A listener who leaves while the audio streams aborts the request: nothing to answer and nothing to report.
    if (res.headersSent || error?.code === 'ECONNABORTED' || error?.code === 'ECONNRESET') return;
    if (error instanceof LocalAudioError) {
      log(`podgrep: ${error.message}`);
      // The reason without the path: where the file leads is the host's business, not the listener's.
      return res
        .status(404)
        .type('html')
        .send(notFoundPage(`This episode’s audio cannot be played: the file ${error.reason.replace(/ \(it leads to [^)]*\)/, '')}.`).value);
    }
    const failure: Failure = res.locals.failure ?? {};
    const ours = error instanceof BadRequestError || error instanceof SearchEngineError;
    // Express's own errors (a malformed URL, a body too large) carry a 4xx status of their own.
    const status =
      failure.status ??
      (error instanceof BadRequestError
        ? 400
        : error instanceof SearchEngineError
          ? 503
          : typeof error?.status === 'number' && error.status < 500
            ? error.status
            : 500);
    if (!ours && status >= 500) log(`podgrep: ${error instanceof Error ? error.stack : String(error)}`);
    if (error instanceof SearchEngineError) log(`podgrep: ${error.message} (${String((error.cause as Error | undefined)?.message ?? '')})`);
    const message = ours ? error.message : status < 500 ? 'Bad request' : 'Something went wrong on our side.';
    res.status(status);
    if (failure.json) res.json(failure.json(message));
    else if (failure.text) res.type('text').send(message);
    else res.type('html').send((failure.page ?? errorPage)(message).value);
  };
}
