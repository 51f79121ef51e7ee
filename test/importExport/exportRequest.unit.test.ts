import { parseExportRequest } from '../../src/importExport/exportRequest';
import { InvalidInputError } from '../../src/shared/errors';

const values = (entries: Record<string, string | string[]>) => new Map(Object.entries(entries).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => `${issue.path} ${issue.rule}`);
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('reading export parameters', () => {
  it('reads the API’s agreement filter from comma-separated or repeated values, enums in either spelling', () => {
    const request = parseExportRequest(
      'agreements',
      'csv',
      values({ state: ['14,19', '09'], kind: 'TWINNING,cooperation-agreement', status: 'IN_FORCE', theme: 'culture', sdg: '11', signedFrom: '2019-01-01', signedTo: '2019-12-31', region: 'eu' }),
    );
    expect(request.agreements).toEqual({
      states: ['14', '19', '09'],
      kinds: ['twinning', 'cooperation-agreement'],
      statuses: ['in-force'],
      themes: ['culture'],
      sdgs: [11],
      regions: ['eu'],
      signedBetween: { from: '2019-01-01', to: '2019-12-31' },
    });
    expect(request.asOf).toBeUndefined();
  });

  it('takes an instant with a zone, or a date as the end of that day in Mexico City', () => {
    expect(parseExportRequest('agreements', 'json', values({ asOf: '2019-12-31T12:00:00-06:00' })).asOf).toBe('2019-12-31T18:00:00.000Z');
    expect(parseExportRequest('agreements', 'json', values({ asOf: '2019-12-31' })).asOf).toBe('2020-01-01T05:59:59.999Z');
  });

  it('reads finding and history criteria only for their exports', () => {
    expect(parseExportRequest('findings', 'csv', values({ rule: 'DORMANT', severity: 'legal-breach', open: 'true' })).findings).toEqual({ rules: ['DORMANT'], severities: ['legal-breach'], open: true });
    expect(parseExportRequest('history', 'csv', values({ type: 'AgreementSigned', validFrom: '2020-01-01' })).history).toEqual({ types: ['AgreementSigned'], validFrom: '2020-01-01' });
    expect(issuesOf(() => parseExportRequest('agreements', 'csv', values({ rule: 'DORMANT' })))).toEqual(['rule not-for-this-export']);
  });

  it('reports every bad parameter at once, naming it', () => {
    expect(
      issuesOf(() =>
        parseExportRequest('agreements', 'csv', values({ state: '33', municipality: '1403', country: 'XX', sdg: '18', theme: 'turismo', status: 'vigente', signedFrom: '2019-02-30', asOf: 'ayer', estado: '14' })),
      ),
    ).toEqual([
      'estado unknown-parameter',
      'sdg out-of-range',
      'theme not-in-vocabulary',
      'state invalid-code',
      'municipality invalid-code',
      'country invalid-code',
      'status not-in-vocabulary',
      'signedFrom legal-date-invalid',
      'asOf instant-format',
    ]);
  });

  it('says which asOf it got, and that a + in a URL must be written %2B', () => {
    const refused = (asOf: string) => {
      try {
        parseExportRequest('agreements', 'json', values({ asOf }));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${asOf} was taken`);
    };
    expect(refused('2019-12-31T23:59:59 06:00')).toBe(
      'asOf: must be an ISO 8601 instant with a zone, e.g. 2019-12-31T23:59:59-06:00, or a date YYYY-MM-DD (its end in Mexico City); got "2019-12-31T23:59:59 06:00". In a URL, write the + of an offset as %2B.',
    );
    expect(refused('9999-12-31T23:00:00-05:00')).toContain('outside the years 0001 to 9999');
  });

  it('refuses ranges of days that end before they start', () => {
    expect(issuesOf(() => parseExportRequest('history', 'csv', values({ signedFrom: '2020-01-01', signedTo: '2019-01-01', validFrom: '2020-01-01', validTo: '2019-12-31' }))).sort()).toEqual([
      'signedFrom, signedTo range-reversed',
      'validFrom, validTo range-reversed',
    ]);
    expect(parseExportRequest('history', 'csv', values({ validFrom: '2020-01-01', validTo: '2020-01-01' })).history).toEqual({ validFrom: '2020-01-01', validTo: '2020-01-01' });
  });

  it('refuses parameters named like what every object inherits (toString, hasOwnProperty, constructor) as unknown', () => {
    expect(issuesOf(() => parseExportRequest('agreements', 'csv', new Map(['toString', 'hasOwnProperty', 'constructor', '__proto__'].map((name) => [name, ['1']]))))).toEqual([
      'toString unknown-parameter',
      'hasOwnProperty unknown-parameter',
      'constructor unknown-parameter',
      '__proto__ unknown-parameter',
    ]);
  });
});
