import { GraphQLError } from 'graphql';
import { formatRegistryError, type ErrorLogger } from '../../src/graphql/errors';
import { errorLogger } from '../../src/graphql/observability';
import { createLogger } from '../../src/observability/logger';
import type { RegistryMetrics } from '../../src/observability/metrics';
import { RuleViolationError } from '../../src/shared/errors';

/** As a resolver's error reaches formatError: wrapped in a GraphQLError with the field's path. */
const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['agreement'], originalError: original });

describe('masking internal errors', () => {
  const fakeLogger = () => {
    const entries: Parameters<ErrorLogger>[0][] = [];
    return { log: ((entry) => void entries.push(entry)) as ErrorLogger, entries };
  };

  it('answers an error id to quote and logs the cause under that id with the correlation id', () => {
    const { log, entries } = fakeLogger();
    const cause = new TypeError("Cannot read properties of undefined (reading 'parties')");
    const raw = resolverError(cause);
    const formatted = formatRegistryError(raw.toJSON(), raw, log, 'corr-42');

    expect(formatted).toEqual({
      message: expect.stringMatching(/^Internal error: .* Quote [0-9a-f-]{36} when reporting it\.$/),
      path: ['agreement'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String), correlationId: 'corr-42' },
    });
    expect(JSON.stringify(formatted)).not.toContain('parties');
    expect(entries).toEqual([{ level: 'error', message: expect.any(String), errorId: formatted.extensions?.['errorId'], correlationId: 'corr-42', error: cause }]);
  });

  it('logs nothing for the errors it raises on purpose', () => {
    const { log, entries } = fakeLogger();
    const raw = resolverError(new RuleViolationError('AGREEMENT_ALREADY_REGISTERED', 'Already registered.'));
    expect(formatRegistryError(raw.toJSON(), raw, log, 'corr-42').extensions).toEqual({ code: 'RULE_VIOLATION', rule: 'AGREEMENT_ALREADY_REGISTERED' });
    expect(entries).toEqual([]);
  });

  it('writes the masked error as one JSON line: error id, correlation id and stack', () => {
    const lines: string[] = [];
    const telemetry = { logger: createLogger({ level: 'info', sink: (line) => lines.push(line) }), metrics: {} as RegistryMetrics };
    const raw = resolverError(new Error('store unavailable'));
    const formatted = formatRegistryError(raw.toJSON(), raw, errorLogger(telemetry), 'corr-42');

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'error',
      errorId: formatted.extensions?.['errorId'],
      correlationId: 'corr-42',
      error: { name: 'Error', message: 'store unavailable', stack: expect.stringContaining('errorMasking.unit.test.ts') },
    });
  });
});
