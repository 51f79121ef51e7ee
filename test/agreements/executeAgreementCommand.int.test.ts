import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { AgreementCommand } from '../../src/agreements/agreementCommands';
import { agreementDecider } from '../../src/agreements/agreementDecider';
import { agreementUpcasters } from '../../src/agreements/agreementUpcasters';
import { agreementStreamName, type AgreementId } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import { loadStream, type CommandEnvelope, type CommandHandlerDeps } from '../../src/eventSourcing/commandHandler';
import type { Actor } from '../../src/eventSourcing/envelope';
import { verifyStore, verifyStream } from '../../src/eventSourcing/hashChain';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { ConflictError, RuleViolationError } from '../../src/shared/errors';
import { parseCommandId } from '../../src/shared/ids';
import { milestoneData, openedData, signedData, date } from './agreementFixtures';

const SRE: Actor = { id: 'ana.lopez@sre.gob.mx', role: 'sre-legal', entityScope: [] };
const GDL: Actor = { id: 'enlace@guadalajara.gob.mx', role: 'subnational', entityScope: ['14039'] };
const NOW = DateTime.fromISO('2025-06-15T18:00:00Z', { zone: 'utc' });

describe('executing agreement commands on the embedded store', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let deps: CommandHandlerDeps;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-commands-'));
    store = SqliteEventStore.open({ dataDir });
    deps = { store, clock: () => NOW, upcasters: agreementUpcasters };
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const envelope = (actor: Actor = GDL, extra: Partial<CommandEnvelope> = {}): CommandEnvelope => ({
    commandId: parseCommandId(randomUUID()),
    actor,
    ...extra,
  });
  const newAgreementId = () => randomUUID() as AgreementId;
  const open = (agreementId: AgreementId): AgreementCommand => ({ type: 'OpenAgreement', agreementId, data: openedData({ agreementId }) });
  const sign = (agreementId: AgreementId, signedOn = '2024-04-01'): AgreementCommand => ({ type: 'SignAgreement', agreementId, data: signedData(signedOn) });
  const register = (agreementId: AgreementId, registryNumber: string): AgreementCommand => ({
    type: 'RegisterAgreement',
    agreementId,
    data: { registryNumber, registeredOn: date('2024-05-01') },
  });
  /** Two agreements opened and signed, ready to be registered. */
  const twoSignedAgreements = async (): Promise<[AgreementId, AgreementId]> => {
    const ids: [AgreementId, AgreementId] = [newAgreementId(), newAgreementId()];
    for (const id of ids) {
      await executeAgreementCommand(deps, open(id), envelope());
      await executeAgreementCommand(deps, sign(id), envelope());
    }
    return ids;
  };
  /** The store as `deps` has it, but `competitor` runs once just before the first write to the agreement's stream. */
  const racingOn = (agreementId: AgreementId, competitor: () => Promise<unknown>): CommandHandlerDeps => {
    let raced = false;
    const racingStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') {
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (...args: Parameters<SqliteEventStore['appendToStream']>) => {
          if (!raced && args[0] === agreementStreamName(agreementId)) {
            raced = true;
            await competitor();
          }
          return target.appendToStream(...args);
        };
      },
    });
    return { ...deps, store: racingStore };
  };
  const readEvents = async (agreementId: AgreementId): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(agreementStreamName(agreementId))) events.push(event);
    return events;
  };

  it('records each fact with its envelope: actor, causation, correlation, valid and recorded time, schema, hash chain', async () => {
    const agreementId = newAgreementId();
    const opening = envelope(GDL);
    const result = await executeAgreementCommand(deps, open(agreementId), opening);
    await executeAgreementCommand(deps, sign(agreementId), envelope(GDL, { correlationId: opening.commandId }));

    expect(result).toMatchObject({ revision: 0n, replayed: false });
    const [openedEvent, signedEvent] = await readEvents(agreementId);
    expect(openedEvent!.metadata).toEqual({
      actor: GDL,
      correlationId: opening.commandId,
      causationId: opening.commandId,
      validAt: '2024-01-10',
      recordedAt: '2025-06-15T18:00:00.000Z',
      schemaVersion: 1,
      previousHash: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(signedEvent!.metadata).toMatchObject({ correlationId: opening.commandId, validAt: '2024-04-01', previousHash: openedEvent!.metadata['hash'] });
    await expect(verifyStream(store, agreementStreamName(agreementId))).resolves.toEqual({ intact: true, eventsChecked: 2 });
  });

  it('answers a retried command with its original outcome and writes nothing twice', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    const signing = envelope();
    const first = await executeAgreementCommand(deps, sign(agreementId), signing);
    await executeAgreementCommand(deps, { type: 'SubmitTextToSre', agreementId, data: { submittedOn: date('2024-04-02') } }, envelope());

    const retried = await executeAgreementCommand(deps, sign(agreementId), signing);

    expect(retried).toMatchObject({ replayed: true, position: first.position, events: first.events });
    expect((await readEvents(agreementId)).map((event) => event.type)).toEqual(['AgreementOpened', 'AgreementSigned', 'TextSubmittedToSre']);
  });

  it('refuses a command id sent again with another command, instead of answering with the first one’s outcome', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    const signing = envelope();
    await executeAgreementCommand(deps, sign(agreementId), signing);
    const terminate: AgreementCommand = { type: 'TerminateAgreement', agreementId, data: { cause: 'mutual-consent', terminatedOn: date('2024-06-01'), reason: 'Acuerdo mutuo' } };

    await expect(executeAgreementCommand(deps, terminate, signing)).rejects.toMatchObject({
      issues: [{ path: 'commandId', rule: 'command-id-reused', message: expect.stringContaining('AgreementSigned') }],
    });
    expect((await readEvents(agreementId)).map((event) => event.type)).toEqual(['AgreementOpened', 'AgreementSigned']);
    // The same command again is a retry, answered as before.
    await expect(executeAgreementCommand(deps, sign(agreementId), signing)).resolves.toMatchObject({ replayed: true });
  });

  it('lets one of two concurrent conflicting commands win and decides the other again on fresh state', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());

    const outcomes = await Promise.allSettled([
      executeAgreementCommand(deps, sign(agreementId, '2024-04-01'), envelope()),
      executeAgreementCommand(deps, sign(agreementId, '2024-04-02'), envelope()),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(RuleViolationError);
    expect(refused?.reason).toMatchObject({ rule: 'ALREADY_SIGNED' });
    expect((await readEvents(agreementId)).filter((event) => event.type === 'AgreementSigned')).toHaveLength(1);
  });

  it('refuses a stale expected revision with the actual one instead of retrying', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    await executeAgreementCommand(deps, { type: 'SubmitTextToSre', agreementId, data: { submittedOn: date('2024-02-01') } }, envelope());

    const stale = executeAgreementCommand(deps, sign(agreementId), envelope(GDL, { expectedRevision: 0n }));

    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 0n, actualRevision: 1n });
    expect(await readEvents(agreementId)).toHaveLength(2);
  });

  it('keeps registry numbers unique across the registry', async () => {
    const [first, second] = await twoSignedAgreements();
    const registering = envelope(SRE);
    await executeAgreementCommand(deps, register(first, 'RAI-2024-0007'), registering);

    await expect(executeAgreementCommand(deps, register(second, 'rai-2024-0007'), envelope(SRE))).rejects.toMatchObject({
      rule: 'REGISTRY_NUMBER_TAKEN',
      message: expect.stringContaining(first),
    });
    // The same command retried is still fine: the number is already its own.
    await expect(executeAgreementCommand(deps, register(first, 'RAI-2024-0007'), registering)).resolves.toMatchObject({ replayed: true });
    // Its command id reused for the other agreement reads as a retry on the number's stream: still refused.
    await expect(executeAgreementCommand(deps, register(second, 'RAI-2024-0007'), registering)).rejects.toMatchObject({ rule: 'REGISTRY_NUMBER_TAKEN' });
    expect((await readEvents(second)).map((event) => event.type)).toEqual(['AgreementOpened', 'AgreementSigned']);
  });

  it('gives back the number it claimed when another registration of the agreement wins the race, so another agreement can take it', async () => {
    const [agreementId, other] = await twoSignedAgreements();
    // A competing registration lands after this command claimed its number, before it writes.
    const racing = racingOn(agreementId, () => executeAgreementCommand(deps, register(agreementId, 'RAI-WINS'), envelope(SRE)));

    await expect(executeAgreementCommand(racing, register(agreementId, 'RAI-LOSES'), envelope(SRE))).rejects.toMatchObject({ rule: 'ALREADY_REGISTERED' });

    // The number that won stays taken; the one that lost is free.
    await expect(executeAgreementCommand(deps, register(other, 'RAI-WINS'), envelope(SRE))).rejects.toMatchObject({ rule: 'REGISTRY_NUMBER_TAKEN' });
    await expect(executeAgreementCommand(deps, register(other, 'RAI-LOSES'), envelope(SRE))).resolves.toMatchObject({ replayed: false });
  });

  it('keeps the number when a registration of the same agreement with the same number wins the race', async () => {
    const [agreementId, other] = await twoSignedAgreements();
    // The competitor finds the number already claimed for this agreement, and registers it first.
    const racing = racingOn(agreementId, () => executeAgreementCommand(deps, register(agreementId, 'RAI-SAME'), envelope(SRE)));

    await expect(executeAgreementCommand(racing, register(agreementId, 'RAI-SAME'), envelope(SRE))).rejects.toMatchObject({ rule: 'ALREADY_REGISTERED' });

    await expect(executeAgreementCommand(deps, register(other, 'RAI-SAME'), envelope(SRE))).rejects.toMatchObject({ rule: 'REGISTRY_NUMBER_TAKEN', message: expect.stringContaining(agreementId) });
  });

  it('does not give back a number another registration of the same agreement claimed meanwhile', async () => {
    const [agreementId, other] = await twoSignedAgreements();
    const { revision } = await loadStream(deps, agreementDecider, agreementStreamName(agreementId));
    // A clerk registers the same agreement under the same number: it claims, then waits at its
    // write until the first registration has been refused and has done what it does on refusal.
    let clerkReachedWrite!: () => void;
    const reachedWrite = new Promise<void>((resolve) => (clerkReachedWrite = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let clerk: Promise<unknown> | undefined;
    // While the first registration writes: a milestone lands (it is refused as a conflict) and the clerk has claimed.
    const racing = racingOn(agreementId, async () => {
      await executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData() }, envelope());
      const held = racingOn(agreementId, async () => {
        clerkReachedWrite();
        await gate;
      });
      clerk = executeAgreementCommand(held, register(agreementId, 'RAI-SHARED'), envelope(SRE));
      await reachedWrite;
    });
    await expect(executeAgreementCommand(racing, register(agreementId, 'RAI-SHARED'), envelope(SRE, { expectedRevision: revision }))).rejects.toBeInstanceOf(ConflictError);
    openGate();
    await expect(clerk).resolves.toMatchObject({ events: [{ type: 'AgreementRegistered' }] });

    await expect(executeAgreementCommand(deps, register(other, 'RAI-SHARED'), envelope(SRE))).rejects.toMatchObject({ rule: 'REGISTRY_NUMBER_TAKEN' });
  });

  it('gives back the number each time a command is refused, retried under the same id', async () => {
    const [agreementId, other] = await twoSignedAgreements();
    const registering = envelope(SRE);
    for (let attempt = 0; attempt < 2; attempt++) {
      const { revision } = await loadStream(deps, agreementDecider, agreementStreamName(agreementId));
      const racing = racingOn(agreementId, () => executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData(`m-race-${attempt}`) }, envelope()));
      await expect(executeAgreementCommand(racing, register(agreementId, 'RAI-TWICE'), { ...registering, expectedRevision: revision })).rejects.toBeInstanceOf(ConflictError);
    }

    await expect(executeAgreementCommand(deps, register(other, 'RAI-TWICE'), envelope(SRE))).resolves.toMatchObject({ replayed: false });
  });

  it('claims the number again when a command whose claim was given back is retried', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    const { revision } = await executeAgreementCommand(deps, sign(agreementId), envelope());
    // A milestone lands after the claim, before the registration is written: the caller's expected revision is stale.
    const racing = racingOn(agreementId, () => executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData() }, envelope()));
    const registering = envelope(SRE, { expectedRevision: revision });
    await expect(executeAgreementCommand(racing, register(agreementId, 'RAI-AGAIN'), registering)).rejects.toBeInstanceOf(ConflictError);

    const retried = await executeAgreementCommand(deps, register(agreementId, 'RAI-AGAIN'), { ...registering, expectedRevision: (revision as bigint) + 1n });

    expect(retried).toMatchObject({ replayed: false, events: [{ type: 'AgreementRegistered' }] });
  });

  it('refuses one of two racing commands that share a command id but not their data, instead of answering both as written', async () => {
    const agreementId = newAgreementId();
    const opening = envelope();
    const outcomes = await Promise.allSettled([
      executeAgreementCommand(deps, { type: 'OpenAgreement', agreementId, data: openedData({ agreementId, title: 'Título uno' }) }, opening),
      executeAgreementCommand(deps, { type: 'OpenAgreement', agreementId, data: openedData({ agreementId, title: 'Título dos' }) }, opening),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { issues: [{ rule: 'command-id-reused' }] } });
    expect(await readEvents(agreementId)).toHaveLength(1);
  });

  it('gives back the number claimed by the loser of two racing registrations that share a command id', async () => {
    const [agreementId, other] = await twoSignedAgreements();
    const registering = envelope(SRE);
    const outcomes = await Promise.allSettled([
      executeAgreementCommand(deps, register(agreementId, 'RAI-RACE-A'), registering),
      executeAgreementCommand(deps, register(agreementId, 'RAI-RACE-B'), registering),
    ]);
    const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
    const [kept, lost] = won === 0 ? ['RAI-RACE-A', 'RAI-RACE-B'] : ['RAI-RACE-B', 'RAI-RACE-A'];

    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    await expect(executeAgreementCommand(deps, register(other, kept), envelope(SRE))).rejects.toMatchObject({ rule: 'REGISTRY_NUMBER_TAKEN' });
    await expect(executeAgreementCommand(deps, register(other, lost), envelope(SRE))).resolves.toMatchObject({ replayed: false });
  });

  it('refuses a command id sent again with the same command on other data', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    await executeAgreementCommand(deps, sign(agreementId), envelope());
    const recording = envelope();
    await executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData('m-1') }, recording);

    await expect(executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData('m-2') }, recording)).rejects.toMatchObject({
      issues: [{ rule: 'command-id-reused' }],
    });
    await expect(executeAgreementCommand(deps, { type: 'RecordCooperationMilestone', agreementId, data: milestoneData('m-1') }, recording)).resolves.toMatchObject({ replayed: true });
  });

  it('claims no registry number for a registration the rules refuse', async () => {
    const [unsigned, other] = [newAgreementId(), newAgreementId()];
    await executeAgreementCommand(deps, open(unsigned), envelope());
    await expect(executeAgreementCommand(deps, register(unsigned, 'RAI-9'), envelope(SRE))).rejects.toMatchObject({ rule: 'NOT_SIGNED' });

    await executeAgreementCommand(deps, open(other), envelope());
    await executeAgreementCommand(deps, sign(other), envelope());
    await expect(executeAgreementCommand(deps, register(other, 'RAI-9'), envelope(SRE))).resolves.toMatchObject({ replayed: false });
  });

  it('detects an event altered on disk, naming the stream, revision and event', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    await executeAgreementCommand(deps, sign(agreementId), envelope());
    await executeAgreementCommand(deps, { type: 'SubmitTextToSre', agreementId, data: { submittedOn: date('2024-04-03') } }, envelope());
    const signedEvent = (await readEvents(agreementId))[1]!;
    await expect(verifyStore(store)).resolves.toEqual({ intact: true, eventsChecked: 3 });

    const file = new Database(path.join(dataDir, 'events.sqlite3'));
    file.prepare('UPDATE events SET data = json_set(data, \'$.signedOn\', \'2024-03-01\') WHERE id = ?').run(signedEvent.id);
    file.close();

    const expected = { intact: false, firstBreak: { streamName: agreementStreamName(agreementId), revision: 1n, eventId: signedEvent.id, reason: 'hash-mismatch' } };
    await expect(verifyStream(store, agreementStreamName(agreementId))).resolves.toMatchObject(expected);
    await expect(verifyStore(store)).resolves.toMatchObject(expected);
  });

  it('reads a stored schema v1 milestone through its upcaster', async () => {
    const agreementId = newAgreementId();
    await executeAgreementCommand(deps, open(agreementId), envelope());
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'events', 'cooperationMilestoneRecorded.v1.json'), 'utf8'));
    await store.appendToStream(agreementStreamName(agreementId), [{ id: randomUUID(), type: fixture.type, data: fixture.data, metadata: fixture.metadata }]);

    const loaded = await loadStream(deps, agreementDecider, agreementStreamName(agreementId));

    expect(loaded.events[1]?.event).toEqual({
      type: 'CooperationMilestoneRecorded',
      data: {
        milestoneId: 'm-legacy-1',
        kind: 'training',
        occurredOn: '2024-06-20',
        description: 'Taller de cooperación descentralizada',
        themes: ['culture'],
        sdgs: [4],
        amount: { value: '1500.00', currency: 'MXN' },
      },
    });
    expect(loaded.state.status === 'present' && loaded.state.milestoneIds).toEqual(['m-legacy-1']);
  });
});
