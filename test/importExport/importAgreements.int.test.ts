import { agreementDecider } from '../../src/agreements/agreementDecider';
import { agreementStreamName } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import { registryNumberStreamName } from '../../src/agreements/registryNumber';
import { loadStream } from '../../src/eventSourcing/commandHandler';
import { verifyStore } from '../../src/eventSourcing/hashChain';
import { StoreUnavailableError } from '../../src/eventStore/errors';
import { readHeadPosition } from '../../src/eventStore/headPosition';
import { importAgreements } from '../../src/importExport/importAgreements';
import { importedAgreementId, planRow } from '../../src/importExport/rowCommands';
import { jsonRows } from '../../src/importExport/jsonRows';
import { OPERATOR, csv, csvText, importCsv, importJson, openTestStore, sample, twinning, type TestStore } from './importSupport';

/**
 * Events stream by stream, without their global position: rows are written concurrently, so
 * independent rows' events interleave in the log in the order their writes committed.
 */
const byStream = (events: Awaited<ReturnType<TestStore['events']>>) =>
  events
    .map(({ position: _position, created: _created, ...event }) => event)
    .sort((a, b) => a.streamName.localeCompare(b.streamName) || Number(a.revision - b.revision));

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
      expect(byStream(await other.events())).toEqual(byStream(fromCsv));
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
      const agreements = (events: Awaited<ReturnType<TestStore['events']>>) => byStream(events.filter((event) => event.streamName.startsWith('agreement-')));
      expect(agreements(await t.events())).toEqual(agreements(await other.events()));
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

  it('rejects a JSON row whose date is a deeply nested list as that row, and imports the others', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const [row] = JSON.parse(sample('agreements-sample.json')) as Array<Record<string, unknown>>;
    const good = JSON.stringify({ ...row, key: 'DEEP-OK' });
    const bad = JSON.stringify({ ...row, key: 'DEEP-BAD', openedOn: 'DEEP' }).replace('"DEEP"', deep);
    const text = `[\n${good},\n${bad}\n]`;

    const report = await importJson(t.deps, text);

    expect(report).toMatchObject({ rows: 2, imported: 1 });
    expect(report.rejected).toEqual([
      { line: 3, key: 'DEEP-BAD', outcome: 'rejected', problems: [expect.objectContaining({ field: 'openedOn', message: expect.stringContaining('got a list') })] },
    ]);
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

  describe('a row whose agreement is registered by the API while the row is written', () => {
    const SRE_ACTOR = { id: 'ana.lopez@sre.gob.mx', role: 'sre-legal', entityScope: [] } as const;
    /** The store, but the first write to the agreement of key RACE first lets the API register it under `number`. */
    const registeredMeanwhile = (number: string): TestStore['deps'] => {
      const agreementId = importedAgreementId('RACE');
      let raced = false;
      const store = t.store;
      return {
        ...t.deps,
        store: Object.assign(Object.create(store) as typeof store, {
          appendToStream: async (...args: Parameters<typeof store.appendToStream>) => {
            if (!raced && args[0] === agreementStreamName(agreementId)) {
              raced = true;
              await executeAgreementCommand(
                t.deps,
                { type: 'RegisterAgreement', agreementId, data: { registryNumber: number, registeredOn: '2020-04-02' as never } },
                { commandId: '5f0c6a52-0f4e-4c59-9d59-4f1f7b1f0b01' as never, actor: SRE_ACTOR },
              );
            }
            return store.appendToStream(...args);
          },
        }),
      };
    };
    const registering = (key: string, number: string) => csv(twinning(key, { registryNumber: number, registeredOn: '2020-04-01' }));

    it('gives back the number it claimed for the row, so another agreement can take it', async () => {
      await importCsv(t.deps, csv(twinning('RACE')));
      const report = await importCsv(registeredMeanwhile('RAI/2020/0900'), registering('RACE', 'RAI/2020/0901'));
      expect(report.rejected).toEqual([expect.objectContaining({ line: 2, problems: [expect.objectContaining({ rule: 'ALREADY_REGISTERED' })] })]);

      const other = await importCsv(t.deps, registering('OTHER', 'RAI/2020/0901'));
      expect(other).toMatchObject({ imported: 1, rejected: [] });
    });

    it('keeps the number when the API registered the agreement under that very number', async () => {
      await importCsv(t.deps, csv(twinning('RACE')));
      await importCsv(registeredMeanwhile('RAI/2020/0902'), registering('RACE', 'RAI/2020/0902'));

      const other = await importCsv(t.deps, registering('OTHER', 'RAI/2020/0902'));
      expect(other.rejected).toEqual([expect.objectContaining({ problems: [expect.objectContaining({ rule: 'REGISTRY_NUMBER_TAKEN' })] })]);
    });
  });

  it("tells a subnational importer nothing of another entity's agreement under the same key, recorded or not", async () => {
    const monterrey = { id: 'enlace@monterrey.gob.mx', role: 'subnational', entityScope: ['19039'] } as const;
    const guadalajara = { id: 'enlace@guadalajara.gob.mx', role: 'subnational', entityScope: ['14039'] } as const;
    await importAgreements(t.deps, csvText(csv(twinning('EXP-2021-001', { parties: '19039:Ayuntamiento de Monterrey' }))), { actor: monterrey });
    const before = await t.events();

    for (const row of [twinning('EXP-2021-001', { parties: '19039:Ayuntamiento de Monterrey' }), twinning('EXP-2021-001')]) {
      const report = await importAgreements(t.deps, csvText(csv(row)), { actor: guadalajara, dryRun: true });
      expect(report.rejected).toEqual([
        expect.objectContaining({ problems: [expect.objectContaining({ field: 'key', rule: 'FORBIDDEN', message: expect.stringContaining('give this row a key of its own') })] }),
      ]);
      expect(JSON.stringify(report)).not.toMatch(/imported on|\d{4}-\d{2}-\d{2}T/);
    }
    expect(await t.events()).toEqual(before);
  });

  it("names the municipality a spreadsheet dropped the leading zero of, rather than asking for a state code", async () => {
    const report = await importCsv(t.deps, csv(twinning('CDMX-1', { parties: '9002:Alcaldía Azcapotzalco' })));
    expect(report.rejected).toEqual([expect.objectContaining({ problems: [expect.objectContaining({ field: 'parties[0].code', message: expect.stringContaining('did you mean "09002"') })] })]);
  });

  it('writes nothing in a dry run but reports what would be imported, rejections included', async () => {
    const report = await importCsv(t.deps, sample('agreements-invalid.csv'), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, rows: 9, imported: 1, events: 5 });
    expect(report.rejected).toHaveLength(8);
    expect(await t.events()).toEqual([]);
  });

  describe('rows in flight at once', () => {
    /**
     * 300 rows; every tenth gives the registry number of the row just before it (both in flight at
     * once), every 25th the number of a row 100 lines earlier; every seventh has a bad date.
     */
    const contested = () =>
      csv(
        ...Array.from({ length: 300 }, (_, index) => {
          const own = `RAI/2020/${String(index).padStart(4, '0')}`;
          const number = index % 10 === 9 ? `RAI/2020/${String(index - 1).padStart(4, '0')}` : index % 25 === 24 && index >= 100 ? `rai/2020/${String(index - 100).padStart(4, '0')}` : own;
          return twinning(`ROW-${index}`, { registryNumber: number, registeredOn: '2020-04-01', ...(index % 7 === 3 ? { signedOn: '2020-02-30' } : {}) });
        }),
      );

    /** The store, but reading the agreements of rows 8, 18, 28… is slow: the rows after them could overtake them. */
    const slowFirstClaimants = (deps: TestStore['deps']): TestStore['deps'] => {
      const slow = new Set(Array.from({ length: 30 }, (_, tens) => agreementStreamName(importedAgreementId(`ROW-${tens * 10 + 8}`))));
      const store = deps.store;
      return {
        ...deps,
        store: Object.assign(Object.create(store) as typeof store, {
          readStream: (name: string, options?: Parameters<typeof store.readStream>[1]) => ({
            async *[Symbol.asyncIterator]() {
              if (slow.has(name)) await new Promise((resolve) => setTimeout(resolve, 20));
              yield* store.readStream(name, options);
            },
          }),
        }),
      };
    };

    it('gives a contested registry number to the earlier line and reports rows by line, as row after row would', async () => {
      const deps = slowFirstClaimants(t.deps);
      const dryRun = await importAgreements(deps, csvText(contested()), { actor: OPERATOR, concurrency: 64, dryRun: true });
      const dryRunOneByOne = await importAgreements(t.deps, csvText(contested()), { actor: OPERATOR, concurrency: 1, dryRun: true });
      expect(dryRun).toEqual(dryRunOneByOne);
      expect(await t.events()).toEqual([]);
      const concurrent = await importAgreements(deps, csvText(contested()), { actor: OPERATOR, concurrency: 64 });
      const sequential = openTestStore();
      try {
        const oneByOne = await importAgreements(sequential.deps, csvText(contested()), { actor: OPERATOR, concurrency: 1 });
        expect({ ...concurrent, position: null }).toEqual({ ...oneByOne, position: null });
        const withoutMetadata = (events: ReturnType<typeof byStream>) => events.map(({ metadata: _metadata, metadataJson: _text, id: _id, ...event }) => event);
        expect(withoutMetadata(byStream(await t.events()))).toEqual(withoutMetadata(byStream(await sequential.events())));
      } finally {
        await sequential.close();
      }
      const lines = concurrent.rejected.map((row) => row.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      const taken = concurrent.rejected.filter((row) => row.problems[0]?.rule === 'REGISTRY_NUMBER_TAKEN').map((row) => row.line);
      // Line n + 2 holds row n: rows 9, 19, … lose to the row before them (unless that one was rejected).
      expect(taken).toContain(9 + 2);
      expect(taken).toContain(174 + 2);
      expect(concurrent.imported + concurrent.rejected.length).toBe(300);
      expect({ ...concurrent, dryRun: true, position: null }).toEqual(dryRun);
      expect(await verifyStore(t.store)).toEqual(expect.objectContaining({ intact: true }));
    });

    it('stops taking rows when its signal is aborted (a shutdown), finishing those started, and the same file completes it', async () => {
      const stopping = new AbortController();
      const first = await importAgreements(t.deps, csvText(contested()), {
        actor: OPERATOR,
        concurrency: 1,
        signal: stopping.signal,
        onRow: (done) => {
          if (done === 20) stopping.abort();
        },
      });
      expect(first).toMatchObject({ interrupted: true, rows: 20 });
      const again = await importAgreements(t.deps, csvText(contested()), { actor: OPERATOR });
      expect(again).toMatchObject({ interrupted: false, rows: 300, unchanged: first.imported });
      expect(again.imported + again.unchanged + again.rejected.length).toBe(300);
    });

    it('reports the position of its last write, to read it back with consistentWith', async () => {
      const report = await importCsv(t.deps, sample('agreements-sample.csv'));
      expect(report.position).not.toBeNull();
      expect(report.position).toBe(await readHeadPosition(t.store));
      expect((await importCsv(t.deps, sample('agreements-sample.csv'))).position).toBeNull();
    });

    it('stops at a store failure and throws it once the rows in flight have finished, each row whole or absent', async () => {
      let appends = 0;
      const failing = {
        ...t.deps,
        store: Object.assign(Object.create(t.store) as typeof t.store, {
          appendToStream: (...args: Parameters<typeof t.store.appendToStream>) => {
            appends += 1;
            return appends === 40 ? Promise.reject(new StoreUnavailableError('The disk is full.')) : t.store.appendToStream(...args);
          },
        }),
      };
      await expect(importAgreements(failing, csvText(contested()), { actor: OPERATOR })).rejects.toThrow('The disk is full.');
      const signed = new Map<string, number>();
      for (const event of await t.events()) if (event.streamName.startsWith('agreement-')) signed.set(event.streamName, (signed.get(event.streamName) ?? 0) + 1);
      expect(signed.size).toBeGreaterThan(0);
      expect(signed.size).toBeLessThan(300);
      // Every agreement written has all of its row: opened, signed and registered.
      expect([...signed.values()].every((count) => count === 3)).toBe(true);
      // The same file again completes the import; the rows already written are unchanged.
      const again = await importAgreements(t.deps, csvText(contested()), { actor: OPERATOR });
      expect(again.unchanged).toBe(signed.size);
    });
  });
});
