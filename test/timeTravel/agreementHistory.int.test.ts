import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { registryUpcasters } from '../../src/app/upcasters';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import type { Actor } from '../../src/eventSourcing/envelope';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { NotFoundError } from '../../src/shared/errors';
import { parseCommandId } from '../../src/shared/ids';
import { agreementAsOf, diffAgreement, loadAgreementHistory } from '../../src/timeTravel/agreementHistory';
import { exportTable, registryViewAsOf } from '../../src/importExport/runExport';
import { parseExportRequest } from '../../src/importExport/exportRequest';
import type { Instant } from '../../src/shared/time';
import { openedData, signedData } from '../agreements/agreementFixtures';

const GDL: Actor = { id: 'enlace@guadalajara.gob.mx', role: 'subnational', entityScope: ['14039'] };
const SRE: Actor = { id: 'ana.lopez@sre.gob.mx', role: 'sre-legal', entityScope: [] };
const day = (n: number) => DateTime.utc(2025, 3, n, 15);

describe('one agreement through time', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let now: DateTime = day(1);
  const agreementId = randomUUID() as AgreementId;
  const deps = () => ({ store, clock: () => now, upcasters: registryUpcasters });
  const run = async (at: DateTime, actor: Actor, command: Parameters<typeof executeAgreementCommand>[1]) => {
    now = at;
    return executeAgreementCommand(deps(), command, { commandId: parseCommandId(randomUUID()), actor });
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-history-'));
    store = SqliteEventStore.open({ dataDir });
    await run(day(1), GDL, { type: 'OpenAgreement', agreementId, data: openedData({ agreementId }) });
    await run(day(5), GDL, { type: 'SignAgreement', agreementId, data: signedData('2024-04-01') });
    const history = await loadAgreementHistory(deps(), agreementId);
    await run(day(9), SRE, {
      type: 'CorrectFact',
      agreementId,
      data: { correctedEventId: history.entries[1]!.eventId, correctedType: 'AgreementSigned', correctedData: signedData('2024-04-02'), reason: 'Fecha mal capturada' },
    });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every fact with who recorded it, when it happened and when it was recorded, and why', async () => {
    const { entries } = await loadAgreementHistory(deps(), agreementId);
    expect(entries.map(({ type, validAt, recordedAt, actor }) => ({ type, validAt, recordedAt, actor: actor.id }))).toEqual([
      { type: 'AgreementOpened', validAt: '2024-01-10', recordedAt: '2025-03-01T15:00:00.000Z', actor: GDL.id },
      { type: 'AgreementSigned', validAt: '2024-04-01', recordedAt: '2025-03-05T15:00:00.000Z', actor: GDL.id },
      { type: 'FactCorrected', validAt: null, recordedAt: '2025-03-09T15:00:00.000Z', actor: SRE.id },
    ]);
    expect(entries[2]!.data).toMatchObject({ reason: 'Fecha mal capturada', correctedEventId: entries[1]!.eventId });
    expect(entries[1]!.previousHash).toBe(entries[0]!.hash);
  });

  it('leaves out a fact recorded after the instant even when one recorded before it comes later in the stream', async () => {
    const other = randomUUID() as AgreementId;
    await run(day(10), GDL, { type: 'OpenAgreement', agreementId: other, data: openedData({ agreementId: other }) });
    await run(day(12), GDL, { type: 'RecordCooperationMilestone', agreementId: other, data: { milestoneId: 'm-12', kind: 'visit', occurredOn: '2025-03-12' as never, description: 'Visita', themes: ['culture'], sdgs: [11] } });
    // A writer whose clock lags a day appends after it.
    await run(day(11), GDL, { type: 'RecordCooperationMilestone', agreementId: other, data: { milestoneId: 'm-11', kind: 'visit', occurredOn: '2025-03-11' as never, description: 'Visita', themes: ['culture'], sdgs: [11] } });
    const history = await loadAgreementHistory(deps(), other);

    expect(agreementAsOf(history, day(11).plus({ hours: 1 }))?.lastMilestone).toMatchObject({ milestoneId: 'm-11' });
    expect(agreementAsOf(history, day(11).plus({ hours: 1 }))?.milestoneCount).toBe(1);

    // The history export as of that instant lists the same facts.
    const instant = day(11).plus({ hours: 1 }).toISO() as Instant;
    const view = await registryViewAsOf({ store, upcasters: registryUpcasters }, instant, 'history');
    const table = exportTable(parseExportRequest('history', 'json', new Map()), { view, viewer: { kind: 'actor', actor: SRE }, store, upcasters: registryUpcasters });
    const [agreement, type] = [table.columns.indexOf('agreementId'), table.columns.indexOf('type')];
    const types: unknown[] = [];
    for await (const row of table.rows) if (row[agreement] === other) types.push(row[type]);
    expect(types).toEqual(['AgreementOpened', 'CooperationMilestoneRecorded']);
  });

  it('shows the agreement as the registry knew it at each instant, corrections included', async () => {
    const history = await loadAgreementHistory(deps(), agreementId);
    expect(agreementAsOf(history, DateTime.utc(2025, 2, 1))).toBeUndefined();
    expect(agreementAsOf(history, day(3))?.signature).toBeUndefined();
    expect(agreementAsOf(history, day(6))?.signature?.signedOn).toBe('2024-04-01');
    expect(agreementAsOf(history, day(10))?.signature?.signedOn).toBe('2024-04-02');
  });

  it('diffs the agreement between two instants', async () => {
    const history = await loadAgreementHistory(deps(), agreementId);
    const changes = diffAgreement(agreementAsOf(history, day(6)), agreementAsOf(history, day(10)));
    expect(changes.map((change) => change.field)).toEqual(expect.arrayContaining(['signature', 'correctionCount']));
    const signature = changes.find((change) => change.field === 'signature');
    expect(signature).toMatchObject({ before: { signedOn: '2024-04-01' }, after: { signedOn: '2024-04-02' } });
    expect(diffAgreement(agreementAsOf(history, day(6)), agreementAsOf(history, day(7)))).toEqual([]);
  });

  it('says an unknown agreement does not exist', async () => {
    await expect(loadAgreementHistory(deps(), randomUUID() as AgreementId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
