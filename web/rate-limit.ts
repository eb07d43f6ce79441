import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit } from 'express-rate-limit';

/**
 * Searches a minute per client, through express-rate-limit: it groups IPv6 clients by their /56 (one household, one
 * limit) and warns when `X-Forwarded-For` arrives without `trust proxy` set (TRUST_PROXY), the mistake that limits a
 * proxy instead of its clients. Over the limit: 429 with Retry-After, as JSON for the API and as text elsewhere. In
 * memory: one podgrep process serves one site.
 */
export function rateLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return expressRateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res, _next, options) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000));
      res.setHeader('retry-after', String(retryAfter));
      const message = `Too many searches: at most ${perMinute} a minute. Try again in ${retryAfter} s.`;
      if (req.originalUrl.startsWith('/api/')) res.status(429).json({ error: message });
      else res.status(429).type('text').send(message);
    },
  });
}
