import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agreementDecider } from '../../src/agreements/agreementDecider';
import type { AgreementEventData } from '../../src/agreements/agreementEvents';
import { registryUpcasters } from '../../src/app/upcasters';
import { loadStream } from '../../src/eventSourcing/commandHandler';
import type { EventMetadata } from '../../src/eventSourcing/envelope';
import { verifyStore } from '../../src/eventSourcing/hashChain';
import { WrongExpectedRevisionError } from '../../src/eventStore/errors';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import type { LegalDate } from '../../src/shared/time';

const OPTIONS = { seed: 42, agreements: 300, to: '2025-06-01' as LegalDate };

describe('writeHistory into the embedded store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let events: RecordedEvent[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-history-'));
    store = SqliteEventStore.open({ dataDir: path.join(dir, 'strict'), durability: 'normal' });
    const reports: number[] = [];
    const result = await writeHistory(store, generateHistory(OPTIONS), { concurrency: 64, progressEvery: 1_000, onProgress: ({ events: written }) => reports.push(written) });
    events = [];
    for await (const event of store.readAll()) events.push(event);
    expect(result.events).toBe(events.length);
    expect(result.eventsByType['AgreementOpened']).toBeGreaterThan(290);
    expect(reports[reports.length - 1]).toBe(result.events);
    expect(result.streams).toBe(new Set(events.map((event) => event.streamName)).size);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every generated step, and the hash chains verify', async () => {
    const generated = [...generateHistory(OPTIONS)].reduce((sum, step) => sum + step.events.length, 0);
    expect(events).toHaveLength(generated);
    await expect(verifyStore(store)).resolves.toEqual({ intact: true, eventsChecked: generated });
  });

  it('keeps recorded time non-decreasing along the global log', () => {
    const recorded = events.map((event) => (event.metadata as unknown as EventMetadata).recordedAt);
    for (let i = 1; i < recorded.length; i++) expect((recorded[i] as string) >= (recorded[i - 1] as string)).toBe(true);
  });

  it('leaves streams the command handler reads back into the same agreements', async () => {
    const streams = [...new Set(events.filter((event) => event.streamName.startsWith('agreement-')).map((event) => event.streamName))].slice(0, 40);
    for (const streamName of streams) {
      const loaded = await loadStream({ store, upcasters: registryUpcasters }, agreementDecider, streamName);
      expect(loaded.state.status).toBe('present');
      expect(loaded.events.every((stored, index) => stored.revision === BigInt(index))).toBe(true);
    }
  });

  it('names in each correction an event of the same agreement', () => {
    const corrections = events.filter((event) => event.type === 'FactCorrected');
    expect(corrections.length).toBeGreaterThan(0);
    for (const correction of corrections) {
      const { correctedEventId, correctedType } = correction.data as unknown as AgreementEventData['FactCorrected'];
      const corrected = events.find((event) => event.id === correctedEventId);
      expect(corrected?.streamName).toBe(correction.streamName);
      expect(corrected?.type).toBe(correctedType);
    }
  });

  it('writes the same log when appends to one stream are pipelined', async () => {
    const pipelined = SqliteEventStore.open({ dataDir: path.join(dir, 'pipelined'), durability: 'normal' });
    try {
      await writeHistory(pipelined, generateHistory(OPTIONS), { concurrency: 256, pipelineSameStream: true });
      const again: RecordedEvent[] = [];
      for await (const event of pipelined.readAll()) again.push(event);
      const digest = (log: readonly RecordedEvent[]) => log.map((event) => `${event.streamName}@${event.revision}:${event.id}:${String(event.metadata['hash'])}`);
      expect(digest(again)).toEqual(digest(events));
    } finally {
      await pipelined.close();
    }
  }, 120_000);

  it('refuses to write into a store that already holds the history', async () => {
    await expect(writeHistory(store, generateHistory({ ...OPTIONS, agreements: 5 }))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });
});
