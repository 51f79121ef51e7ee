import { REDACTED, createLogger, formatLine, type LogLevel } from '../../src/observability/logger';

const TIME = new Date('2025-06-15T18:00:00.000Z');
/** A token as the registry mints them (HS256 JWS): header.payload.signature, base64url. */
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzcmUtdGVzdGVyIiwicm9sZSI6InNyZS1sZWdhbCJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

const capture = (level: LogLevel = 'debug') => {
  const lines: string[] = [];
  const logger = createLogger({ level, sink: (line) => lines.push(line), now: () => TIME });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
};

describe('the structured logger', () => {
  it('writes one JSON object per line: level, time and message first, then the fields', () => {
    const { logger, lines } = capture();
    logger.info('HTTP request', { method: 'POST', path: '/graphql', status: 200, durationMs: 12.5 });
    expect(lines).toEqual(['{"level":"info","time":"2025-06-15T18:00:00.000Z","message":"HTTP request","method":"POST","path":"/graphql","status":200,"durationMs":12.5}']);
  });

  it.each<[LogLevel, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('at level %s writes %j', (level, written) => {
    const { logger, entries } = capture(level);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries().map((entry) => entry['level'])).toEqual(written);
    expect(logger.isLevelEnabled('debug')).toBe(level === 'debug');
    expect(logger.isLevelEnabled('error')).toBe(true);
  });

  it('makes every value JSON: bigints as strings, errors with their stack and cause, no undefined, no cycles', () => {
    const { logger, entries } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    const error = new Error('store unavailable', { cause: new Error('socket closed') });
    logger.error('Unexpected error', { position: 12345678901234567890n, missing: undefined, at: TIME, cyclic, error, list: [1n, 'two'] });
    const [entry] = entries();
    expect(entry).toMatchObject({
      position: '12345678901234567890',
      at: '2025-06-15T18:00:00.000Z',
      cyclic: { name: 'loop', self: '[Circular]' },
      list: ['1', 'two'],
      error: { name: 'Error', message: 'store unavailable', stack: expect.stringContaining('store unavailable'), cause: { message: 'socket closed' } },
    });
    expect(entry).not.toHaveProperty('missing');
  });

  it('keeps level, time and message its own: a field of the same name is renamed', () => {
    const { logger, entries } = capture();
    logger.warn('m', { level: 'spoofed', message: 'other', time: 'then' });
    expect(entries()[0]).toEqual({ level: 'warn', time: '2025-06-15T18:00:00.000Z', message: 'm', 'field.level': 'spoofed', 'field.message': 'other', 'field.time': 'then' });
  });

  it('adds a child logger\'s fields to each of its lines, the line\'s own fields winning', () => {
    const { logger, entries } = capture();
    const child = logger.child({ component: 'projections', phase: 'starting' });
    child.info('Projection runner live', { phase: 'live' });
    expect(entries()[0]).toMatchObject({ component: 'projections', phase: 'live' });
  });

  describe('never logs a token', () => {
    it.each([
      ['an authorization field', { authorization: `Bearer ${JWT}` }],
      ['a header bag', { headers: { Authorization: `Bearer ${JWT}`, 'content-type': 'application/json' } }],
      ['graphql-ws connection parameters', { connectionParams: { authorization: JWT } }],
      ['a field named token', { token: JWT, accessToken: 'opaque-value' }],
      ['a bare JWT anywhere in a string', { note: `the client sent ${JWT} twice` }],
      ['a bearer credential in a string', { note: 'header was "Bearer opaque-credential-123"' }],
      ['an error whose message quotes it', { error: new Error(`could not verify ${JWT}`) }],
    ])('in %s', (_case, fields) => {
      const { logger, lines } = capture();
      logger.info(`refused Bearer ${JWT}`, fields);
      const [line] = lines;
      expect(line).not.toContain(JWT);
      expect(line).not.toContain('opaque-credential-123');
      expect(line).not.toContain('opaque-value');
      expect(line).toContain(REDACTED);
    });

    it('keeps fields that merely mention tokens in their name, and the role of a caller', () => {
      const line = formatLine('info', TIME, 'm', { tokenCount: 2, role: 'sre-legal', correlationId: 'abc-123' });
      expect(JSON.parse(line)).toMatchObject({ tokenCount: 2, role: 'sre-legal', correlationId: 'abc-123' });
    });
  });

  it('never throws into the caller, whatever the sink or the fields do', () => {
    const failing = createLogger({ level: 'info', sink: () => { throw new Error('disk full'); } });
    expect(() => failing.error('m')).not.toThrow();

    const { logger, entries } = capture();
    const hostile = { get value(): unknown { throw new Error('getter exploded'); } };
    expect(() => logger.info('m', { hostile })).not.toThrow();
    expect(entries()[0]).toMatchObject({ message: 'm', logError: 'getter exploded' });
  });
});
