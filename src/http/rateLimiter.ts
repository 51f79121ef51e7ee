import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface RateLimit {
  /** Sustained requests per second per caller. */
  readonly perSecond: number;
  /** How many may come at once before the sustained rate applies. */
  readonly burst: number;
}

/** Callers remembered at most; the least recently seen are forgotten first. */
const MAX_CALLERS = 10_000;

/**
 * A token bucket per caller: the bearer token when there is one (so a dashboard behind a shared
 * proxy is not throttled with its neighbours), the client address otherwise.
 */
export const rateLimiter = (limit: RateLimit, now: () => number = () => Date.now()) => {
  const buckets = new Map<string, { tokens: number; updated: number }>();
  return (request: Request, response: Response, next: NextFunction): void => {
    const authorization = request.headers.authorization;
    const key = authorization ? `token:${createHash('sha256').update(authorization).digest('base64url')}` : `ip:${request.ip ?? 'unknown'}`;
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, updated: at };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((at - bucket.updated) / 1000) * limit.perSecond);
    bucket.updated = at;
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > MAX_CALLERS) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / limit.perSecond);
      response.setHeader('Retry-After', String(retryAfter));
      response.status(429).json({
        errors: [{ message: `Too many requests: at most ${limit.perSecond} per second (bursts of ${limit.burst}). Retry in ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED' } }],
      });
      return;
    }
    bucket.tokens -= 1;
    next();
  };
};
