/**
 * How long a debounced call waits, made at `now` in a burst whose first call came at `first`: the
 * pause `ms` after the latest call, but never past `first + maxWaitMs`, so that a steady flow of
 * calls still runs it at least that often.
 */
export const debounceWait = (first: number, now: number, ms: number, maxWaitMs: number): number => Math.max(0, Math.min(ms, first + maxWaitMs - now));
