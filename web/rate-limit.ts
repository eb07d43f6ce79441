import type { RequestHandler } from 'express';

/**
 * Searches a minute per client (by IP address), counted in a sliding pair of one-minute windows. Over the limit: 429
 * with Retry-After, as JSON for the API and as text elsewhere. In memory: one podgrep process serves one site.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  let windowStart = now();
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return (req, res, next) => {
    const time = now();
    if (time - windowStart >= 60_000) {
      // Old counts are dropped a window at a time, so memory stays bounded by the clients of the last two minutes.
      previous = time - windowStart >= 120_000 ? new Map() : current;
      current = new Map();
      windowStart = time - ((time - windowStart) % 60_000);
    }
    const client = req.ip ?? 'unknown';
    const elapsed = (time - windowStart) / 60_000;
    const count = (current.get(client) ?? 0) + 1;
    // The previous window's count, weighted by how much of it still falls within the last minute.
    const estimate = count + (previous.get(client) ?? 0) * (1 - elapsed);
    if (estimate > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((1 - elapsed) * 60));
      res.setHeader('retry-after', String(retryAfter));
      const message = `Too many searches: at most ${perMinute} a minute. Try again in ${retryAfter} s.`;
      if (req.originalUrl.startsWith('/api/')) res.status(429).json({ error: message });
      else res.status(429).type('text').send(message);
      return;
    }
    current.set(client, count);
    next();
  };
}
