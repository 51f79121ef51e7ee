/**
 * Structured logs: one JSON object per line, `{"level","time","message",...fields}`. The process
 * writes them to stderr (stdout keeps the human-readable start-up banner); tests inject a sink.
 *
 * Secrets never reach a line: fields named like credentials (`authorization`, `token`, `secret`,
 * `password`, `cookie`…) are replaced by `[REDACTED]`, and so is anything in any string that looks
 * like a bearer token or a JWT, wherever it appears (a message, an error's message or stack).
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (its own fields win over them). */
  child(fields: LogFields): Logger;
  isLevelEnabled(level: LogLevel): boolean;
}

/** Receives each line, without its trailing newline. */
export type LogSink = (line: string) => void;

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Default: stderr. */
  readonly sink?: LogSink;
  /** Default: the wall clock (never the registry's business clock, which tests pin). */
  readonly now?: () => Date;
}

export const REDACTED = '[REDACTED]';

const SEVERITY: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
/** Keys every line has; a field of the same name is kept under `field.<name>` instead. */
const RESERVED = new Set(['level', 'time', 'message']);
/** Field names whose values are credentials, whatever they hold. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|passphrase|secret|client_?secret|api_?key|(access_?|refresh_?|id_?|bearer_?)?token|jwt|credentials?)$/i;
/** `Bearer <anything>` and compact JWS/JWE strings (base64url header starting `eyJ`). */
const SECRET_TEXT = /\bBearer\s+[^\s"',;]+|\beyJ[\w-]*\.[\w-]+\.[\w-]*(?:\.[\w-]+\.[\w-]+)?/gi;
const MAX_DEPTH = 6;
const MAX_STRING = 8_192;

export const isLogLevel = (value: string): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value);

export const defaultSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/** A logger that writes nothing (for tools and tests that do not care). */
export const silentLogger = (): Logger => createLogger({ level: 'error', sink: () => undefined });

export const createLogger = (options: LoggerOptions, bound: LogFields = {}): Logger => {
  const threshold = SEVERITY[options.level];
  const sink = options.sink ?? defaultSink;
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, message: string, fields: LogFields | undefined) => {
    if (SEVERITY[level] < threshold) return;
    let line: string;
    try {
      line = formatLine(level, now(), message, { ...bound, ...(fields ?? {}) });
    } catch (error) {
      // A field that cannot be serialised must not take the caller down, nor lose the line.
      line = formatLine(level, now(), message, { logError: error instanceof Error ? error.message : String(error) });
    }
    try {
      sink(line);
    } catch {
      // Logging never throws into the code that logs.
    }
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
    isLevelEnabled: (level) => SEVERITY[level] >= threshold,
  };
};

/** The JSON line for one entry: level, time and message first, then the fields, made safe. */
export const formatLine = (level: LogLevel, time: Date, message: string, fields: LogFields): string => {
  const entry: Record<string, unknown> = { level, time: time.toISOString(), message: redactText(message) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    entry[RESERVED.has(key) ? `field.${key}` : key] = safeValue(key, value, 0, new WeakSet());
  }
  return JSON.stringify(entry);
};

const redactText = (text: string): string => {
  const clipped = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length - MAX_STRING} more characters)` : text;
  return clipped.replace(SECRET_TEXT, REDACTED);
};

const safeValue = (key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown => {
  if (SECRET_KEY.test(key)) return REDACTED;
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(object);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof Error) return describeError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item) => safeValue('', item, depth + 1, seen) ?? null);
    if (value instanceof Map) return safeObject(Object.fromEntries(value), depth, seen);
    if (value instanceof Set) return [...value].map((item) => safeValue('', item, depth + 1, seen) ?? null);
    return safeObject(value as Record<string, unknown>, depth, seen);
  } finally {
    seen.delete(object);
  }
};

const safeObject = (value: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safe = safeValue(key, item, depth + 1, seen);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
};

/** name, message, stack, and whatever the error carries (a code, a cause, GraphQL's path). */
const describeError = (error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> => {
  const own = safeObject({ ...(error as unknown as Record<string, unknown>) }, depth, seen);
  const cause = (error as { cause?: unknown }).cause;
  return {
    ...own,
    name: error.name,
    message: redactText(error.message),
    ...(error.stack ? { stack: redactText(error.stack) } : {}),
    ...(cause === undefined ? {} : { cause: safeValue('cause', cause, depth + 1, seen) }),
  };
};
