import { agreementDecider } from '../../src/agreements/agreementDecider';
import { agreementStreamName } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import { registryNumberStreamName } from '../../src/agreements/registryNumber';
import { loadStream } from '../../src/eventSourcing/commandHandler';
import { verifyStore } from '../../src/eventSourcing/hashChain';
import { CSV_COLUMNS } from '../../src/importExport/importFormat';
import { importedAgreementId, planRow } from '../../src/importExport/rowCommands';
import { jsonRows } from '../../src/importExport/jsonRows';
import { OPERATOR, importCsv, importJson, openTestStore, sample, type TestStore } from './importSupport';

/** A CSV with the given rows, each a map of column → cell, under the full header. */
const csv = (...rows: Record<string, string>[]): string =>
  [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => (row[column] ?? '').includes(',') ? `"${row[column]}"` : (row[column] ?? '')).join(','))].join('\n');

const twinning = (key: string, extra: Record<string, string> = {}): Record<string, string> => ({
  key,
  kind: 'twinning',
  title: `Hermanamiento ${key}`,
  parties: '14039:Ayuntamiento de Guadalajara',
  counterpartKind: 'foreign-local-government',
  counterpartName: `Ciudad ${key}`,
  counterpartCountry: 'JP',
  languages: 'es|ja',
  openedOn: '2020-01-10',
  signedOn: '2020-03-01',
  signedPlace: 'Guadalajara, Jalisco',
  signatories: 'mexican:Ana Pérez:Presidenta Municipal',
  ...extra,
});

describe('importing agreements into the embedded store', () => {
  let t: TestStore;
  beforeEach(() => (t = openTestStore()));
  afterEach(() => t.close());

  it('imports the CSV sample, and importing it again changes nothing', async () => {
    const first = await importCsv(t.deps, sample('agreements-sample.csv'));
    expect(first).toMatchObject({ rows: 8, imported: 8, unchanged: 0, rejected: [] });
    const written = await t.events();
    expect(written.filter((event) => event.type === 'AgreementOpened')).toHaveLength(8);
    expect(first.events).toBe(written.filter((event) => event.streamName.startsWith('agreement-')).length);

    const second = await importCsv(t.deps, sample('agreements-sample.csv'));
    expect(second).toMatchObject({ rows: 8, imported: 0, unchanged: 8, events: 0, rejected: [] });
    expect(await t.events()).toEqual(written);
    expect(await verifyStore(t.store)).toEqual(expect.objectContaining({ intact: true }));
  });

  it('gives the same events from the JSON sample as from the CSV one (the JSON import of a CSV-imported store is a no-op)', async () => {
    await importCsv(t.deps, sample('agreements-sample.csv'));
    const fromCsv = await t.events();
    const other = openTestStore();
    try {
      const report = await importJson(other.deps, sample('agreements-sample.json'));
      expect(report).toMatchObject({ imported: 8, rejected: [] });
      expect(await other.events()).toEqual(fromCsv);
      expect(await importJson(t.deps, sample('agreements-sample.json'))).toMatchObject({ unchanged: 8, rejected: [] });
    } finally {
      await other.close();
    }
  });

  it('writes the very events the same commands sent one by one through the command handler would', async () => {
    const text = sample('agreements-sample.json');
    await importJson(t.deps, text);
    const other = openTestStore();
    try {
      for (const row of jsonRows(text)) {
        if (!('fields' in row)) throw new Error('sample row unreadable');
        const plan = planRow(row.fields);
        if (!('key' in plan)) throw new Error(JSON.stringify(plan.problems));
        for (const { command, commandId } of plan.commands) {
          await executeAgreementCommand(other.deps, command, { commandId, actor: OPERATOR, correlationId: plan.commands[0]?.commandId as string });
        }
      }
      const byStream = (events: Awaited<ReturnType<TestStore['events']>>) =>
        events.filter((event) => event.streamName.startsWith('agreement-')).map(({ position: _position, created: _created, ...event }) => event);
      expect(byStream(await t.events())).toEqual(byStream(await other.events()));
    } finally {
      await other.close();
    }
  });

  it('rejects a bad row with its line and reason, writes nothing of it, and imports the good rows', async () => {
    const report = await importCsv(
      t.deps,
      csv(
        twinning('GOOD-1'),
        twinning('BAD-DATE', { signedOn: '2020-02-30' }),
        twinning('BAD-ORDER', { registryNumber: 'RAI/2020/0001', registeredOn: '2020-02-01' }),
        twinning('GOOD-2', { registryNumber: 'RAI/2020/0002', registeredOn: '2020-04-01' }),
      ),
    );
    expect(report).toMatchObject({ rows: 4, imported: 2, unchanged: 0 });
    expect(report.rejected).toEqual([
      { line: 3, key: 'BAD-DATE', outcome: 'rejected', problems: [{ field: 'signedOn', rule: 'legal-date-invalid', message: '2020-02-30 is not a date on the calendar.' }] },
      {
        line: 4,
        key: 'BAD-ORDER',
        outcome: 'rejected',
        problems: [{ field: 'registeredOn', rule: 'DATE_BEFORE_SIGNATURE', message: 'registeredOn (2020-02-01) is before the signature (2020-03-01).' }],
      },
    ]);
    const streams = new Set((await t.events()).map((event) => event.streamName));
    // Nothing of the rejected rows: not their opening, not their signature, not the number they asked for.
    expect(streams.has(agreementStreamName(importedAgreementId('BAD-DATE')))).toBe(false);
    expect(streams.has(agreementStreamName(importedAgreementId('BAD-ORDER')))).toBe(false);
    expect(streams.has(registryNumberStreamName('RAI/2020/0001'))).toBe(false);
    expect(streams.has(agreementStreamName(importedAgreementId('GOOD-1')))).toBe(true);
    expect(streams.has(registryNumberStreamName('RAI/2020/0002'))).toBe(true);
  });

  it('reports the invalid sample row by row, with the API’s own messages', async () => {
    const report = await importCsv(t.deps, sample('agreements-invalid.csv'));
    expect(report).toMatchObject({ rows: 9, imported: 1 });
    const byLine = new Map(report.rejected.map((row) => [row.line, row.problems.map((problem) => `${problem.field}:${problem.rule}`)]));
    expect(Object.fromEntries(byLine)).toEqual({
      3: ['signedOn:legal-date-invalid', 'signatureLanguages:required'],
      4: ['themes[0]:not-in-vocabulary', 'sdgs[0]:out-of-range', 'parties[0].code:state-code-range'],
      5: ['registeredOn:DATE_BEFORE_SIGNATURE'],
      6: ['counterparts:PRIVATE_COUNTERPART'],
      7: ['key:duplicate-key'],
      8: ['registryNumber:REGISTRY_NUMBER_TAKEN'],
      9: ['openedOn:DATE_IN_FUTURE'],
      10: ['row:column-count'],
    });
  });

  it('continues a row imported before: new lifecycle steps are added, recorded ones are left alone', async () => {
    await importCsv(t.deps, csv(twinning('GROWS')));
    const report = await importCsv(t.deps, csv(twinning('GROWS', { registryNumber: 'RAI/2020/0100', registeredOn: '2020-05-01', enteredIntoForceOn: '2020-05-02' })));
    expect(report).toMatchObject({ imported: 1, events: 2, rejected: [] });
    const { state } = await loadStream(t.deps, agreementDecider, agreementStreamName(importedAgreementId('GROWS')));
    expect(state).toMatchObject({ registration: { registryNumber: 'RAI/2020/0100' }, force: { mode: 'in-force', effectiveOn: '2020-05-02' } });
  });

  it('refuses a row whose already-imported step now says something else, writing nothing', async () => {
    await importCsv(t.deps, csv(twinning('CHANGED')));
    const before = await t.events();
    const report = await importCsv(t.deps, csv(twinning('CHANGED', { signedOn: '2020-03-02', registryNumber: 'RAI/2020/0200', registeredOn: '2020-04-01' })));
    expect(report.rejected).toEqual([expect.objectContaining({ line: 2, problems: [expect.objectContaining({ field: 'signedOn', rule: 'differs-from-recorded' })] })]);
    expect(await t.events()).toEqual(before);
  });

  it('refuses a registry number another agreement already holds, and a key used twice in one file', async () => {
    const report = await importCsv(
      t.deps,
      csv(
        twinning('FIRST', { registryNumber: 'RAI/2020/0300', registeredOn: '2020-04-01' }),
        twinning('SECOND', { registryNumber: 'rai/2020/0300', registeredOn: '2020-04-01' }),
        twinning('FIRST'),
      ),
    );
    expect(report.rejected.map((row) => [row.line, row.problems[0]?.rule])).toEqual([
      [3, 'REGISTRY_NUMBER_TAKEN'],
      [4, 'duplicate-key'],
    ]);
  });

  it('writes nothing in a dry run but reports what would be imported, rejections included', async () => {
    const report = await importCsv(t.deps, sample('agreements-invalid.csv'), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, rows: 9, imported: 1, events: 5 });
    expect(report.rejected).toHaveLength(8);
    expect(await t.events()).toEqual([]);
  });
});
