import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type {
  EventStore,
  EventToAppend,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../../../src/eventStore/eventStore';
import {
  InvalidStoreInputError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../../src/eventStore/errors';
import type { JsonObject } from '../../../src/eventStore/json';

export interface ConformanceTarget {
  readonly store: EventStore;
  readonly cleanup: () => Promise<void>;
}

/**
 * The one suite every EventStore adapter must pass: the embedded SQLite store, the EventStoreDB
 * adapter over the wire-protocol test double, and the same adapter against a real EventStoreDB.
 * Stream names are unique per test and `$all` assertions look only at this test's streams, so
 * the suite also runs against a shared, non-empty server.
 */
export const describeEventStoreConformance = (
  targetName: string,
  factory: () => Promise<ConformanceTarget>,
): void => {
  describe(`EventStore conformance: ${targetName}`, () => {
    let target: ConformanceTarget;
    let store: EventStore;
    let prefix: string;
    const streamName = (label = 'stream') => `${prefix}${label}-${randomUUID()}`;
    const ours = (event: RecordedEvent) => event.streamName.startsWith(prefix);

    beforeEach(async () => {
      target = await factory();
      store = target.store;
      prefix = `conformance_${randomUUID().slice(0, 8)}-`;
    });
    afterEach(async () => {
      await target.cleanup();
    });

    describe('appending', () => {
      it('starts a stream at revision 0 and stores every field of each event', async () => {
        const stream = streamName();
        const events = [event('Opened', { title: 'Hermanamiento' }, { actor: 'u1' }), event('Signed', { place: 'Guadalajara' })];
        const before = DateTime.utc();

        const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        expect(result.nextExpectedRevision).toBe(1n);
        const read = await collect(store.readStream(stream));
        expect(read.map(summary)).toEqual([
          { id: events[0]!.id, type: 'Opened', data: { title: 'Hermanamiento' }, metadata: { actor: 'u1' }, streamName: stream, revision: 0n },
          { id: events[1]!.id, type: 'Signed', data: { place: 'Guadalajara' }, metadata: {}, streamName: stream, revision: 1n },
        ]);
        expect(read[1]!.position).toBe(result.position);
        expect(read[0]!.position).toBeLessThan(read[1]!.position);
        for (const recorded of read) {
          expect(recorded.created.isValid).toBe(true);
          expect(recorded.created.zoneName).toBe('UTC');
          expect(Math.abs(recorded.created.diff(before).as('minutes'))).toBeLessThan(5);
        }
      });

      it('appends at the exact expected revision and returns the next one', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event('A')], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream, [event('B'), event('C')], { expectedRevision: 0n });
        const third = await store.appendToStream(stream, [event('D')], { expectedRevision: 2n });
        expect(second.nextExpectedRevision).toBe(2n);
        expect(third.nextExpectedRevision).toBe(3n);
        expect(third.position).toBeGreaterThan(second.position);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('appends with "any" whether or not the stream exists', async () => {
        const stream = streamName();
        expect((await store.appendToStream(stream, [event('A')], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
        expect((await store.appendToStream(stream, [event('B')])).nextExpectedRevision).toBe(1n);
      });

      it('appends with "stream_exists" only to an existing stream', async () => {
        const stream = streamName();
        await expectWrongRevision(store.appendToStream(stream, [event('A')], { expectedRevision: 'stream_exists' }), {
          streamName: stream,
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        await store.appendToStream(stream, [event('A')]);
        expect((await store.appendToStream(stream, [event('B')], { expectedRevision: 'stream_exists' })).nextExpectedRevision).toBe(1n);
      });

      it('refuses a stale exact revision with the stream, expected and actual revision, writing nothing', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event('A'), event('B')]);
        await expectWrongRevision(store.appendToStream(stream, [event('C')], { expectedRevision: 0n }), {
          streamName: stream,
          expected: 0n,
          actual: 1n,
        });
        await expectWrongRevision(store.appendToStream(stream, [event('C')], { expectedRevision: 5n }), {
          streamName: stream,
          expected: 5n,
          actual: 1n,
        });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('refuses "no_stream" on an existing stream and an exact revision on a missing one', async () => {
        const stream = streamName();
        await expectWrongRevision(store.appendToStream(stream, [event('A')], { expectedRevision: 0n }), {
          streamName: stream,
          expected: 0n,
          actual: 'no_stream',
        });
        await store.appendToStream(stream, [event('A')]);
        await expectWrongRevision(store.appendToStream(stream, [event('B')], { expectedRevision: 'no_stream' }), {
          streamName: stream,
          expected: 'no_stream',
          actual: 0n,
        });
      });

      it('gives a retried append the original result and writes nothing (exact revision and no_stream)', async () => {
        const stream = streamName();
        const first = [event('A'), event('B')];
        const original = await store.appendToStream(stream, first, { expectedRevision: 'no_stream' });
        const retried = await store.appendToStream(stream, first, { expectedRevision: 'no_stream' });
        expect(retried).toEqual(original);

        const next = [event('C')];
        const originalNext = await store.appendToStream(stream, next, { expectedRevision: 1n });
        await store.appendToStream(stream, [event('D')], { expectedRevision: 2n });
        expect(await store.appendToStream(stream, next, { expectedRevision: 1n })).toEqual(originalNext);

        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('refuses a retry that only partly overlaps what was written', async () => {
        const stream = streamName();
        const a = event('A');
        await store.appendToStream(stream, [a, event('B')], { expectedRevision: 'no_stream' });
        await expectWrongRevision(store.appendToStream(stream, [a, event('X')], { expectedRevision: 'no_stream' }), {
          streamName: stream,
          expected: 'no_stream',
          actual: 1n,
        });
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('lets exactly one of many concurrent appends at the same expected revision win', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no_stream' });

        const attempts = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) => store.appendToStream(stream, [event(`Attempt${i}`)], { expectedRevision: 0n })),
        );

        const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
        const losers = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(11);
        for (const loser of losers) {
          expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
          expect(loser).toMatchObject({ streamName: stream, expected: 0n, actual: 1n });
        }
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('keeps concurrent appends to distinct streams independent, each with its own position', async () => {
        const streams = Array.from({ length: 16 }, () => streamName());
        const results = await Promise.all(
          streams.map((stream) => store.appendToStream(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' })),
        );
        expect(new Set(results.map((result) => result.position)).size).toBe(16);
        for (const stream of streams) {
          expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual([0n, 1n]);
        }
      });

      it('does not let one append’s wrong revision fail appends issued at the same moment', async () => {
        const stream = streamName();
        const other = streamName();
        const [bad, good] = await Promise.allSettled([
          store.appendToStream(stream, [event('A')], { expectedRevision: 3n }),
          store.appendToStream(other, [event('B')], { expectedRevision: 'no_stream' }),
        ]);
        expect(bad.status).toBe('rejected');
        expect(good.status).toBe('fulfilled');
        expect(await collect(store.readStream(other))).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards from a revision (included) up to a count', async () => {
        const stream = await seededStream(6);
        const page = await collect(store.readStream(stream, { fromRevision: 2n, maxCount: 3 }));
        expect(page.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
        expect(await collect(store.readStream(stream, { fromRevision: 10n }))).toEqual([]);
      });

      it('reads a stream backwards from the end or from a revision (included)', async () => {
        const stream = await seededStream(5);
        expect((await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 2 }))).map((e) => e.revision)).toEqual([4n, 3n]);
        expect((await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 1n }))).map((e) => e.revision)).toEqual([1n, 0n]);
        // The start point is included: backwards from the start is the first event alone.
        expect((await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 'start' }))).map((e) => e.revision)).toEqual([0n]);
      });

      it('reads a long stream across pages without losing or repeating events', async () => {
        const stream = streamName();
        for (let batch = 0; batch < 3; batch++) {
          await store.appendToStream(stream, Array.from({ length: 400 }, (_, i) => event('N', { n: batch * 400 + i })));
        }
        const all = await collect(store.readStream(stream));
        expect(all.map((e) => e.data['n'])).toEqual(Array.from({ length: 1200 }, (_, i) => i));
        const backwards = await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 'end' }));
        expect(backwards.map((e) => e.revision)).toEqual(all.map((e) => e.revision).reverse());
      });

      it('reports a stream that does not exist with a typed not-found error', async () => {
        const stream = streamName('missing');
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(collect(store.readStream(stream))).rejects.toMatchObject({ streamName: stream });
      });

      it('reads $all in commit order across streams, from a position included, forwards and backwards', async () => {
        const a = streamName('a');
        const b = streamName('b');
        const first = await store.appendToStream(a, [event('A1')]);
        await store.appendToStream(b, [event('B1'), event('B2')]);
        await store.appendToStream(a, [event('A2')]);

        const forwards = (await collect(store.readAll({ fromPosition: first.position }))).filter(ours);
        expect(forwards.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        expect(isStrictlyIncreasing(forwards.map((e) => e.position))).toBe(true);

        const all = (await collect(store.readAll())).filter(ours);
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);

        const backwards = (await collect(store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 100 }))).filter(ours);
        expect(backwards.map((e) => e.type)).toEqual(['A2', 'B2', 'B1', 'A1']);

        const b2 = forwards[2]!;
        const fromB2 = (await collect(store.readAll({ direction: 'backwards', fromPosition: b2.position }))).filter(ours);
        expect(fromB2.map((e) => e.type)).toEqual(['B2', 'B1', 'A1']);
        const limited = await collect(store.readAll({ fromPosition: first.position, maxCount: 2 }));
        expect(limited).toHaveLength(2);
      });
    });

    describe('subscriptions', () => {
      it('catches up on $all, signals it, then delivers live events in order', async () => {
        const stream = streamName();
        const [head] = await collect(store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }));
        await store.appendToStream(stream, [event('Before1'), event('Before2')]);
        const subscription = store.subscribeToAll({ fromPosition: head?.position ?? 'start' });
        const reader = reading(subscription);

        await reader.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
        await store.appendToStream(stream, [event('Live1')]);
        await store.appendToStream(streamName(), [event('Live2')]);
        const messages = await reader.until((seen) => eventsOf(seen).filter(ours).length === 4);

        const caughtUpAt = messages.findIndex((m) => m.kind === 'caughtUp');
        const ourTypes = (list: SubscriptionMessage[]) => eventsOf(list).filter(ours).map((e) => e.type);
        expect(ourTypes(messages.slice(0, caughtUpAt))).toEqual(['Before1', 'Before2']);
        expect(ourTypes(messages.slice(caughtUpAt + 1))).toEqual(['Live1', 'Live2']);
        expect(isStrictlyIncreasing(eventsOf(messages).map((e) => e.position))).toBe(true);
        await subscription.unsubscribe();
      });

      it('starts after the given position (exclusive) and resumes from a checkpoint with no gap or duplicate', async () => {
        const stream = streamName();
        const seeded = await store.appendToStream(stream, [event('E0'), event('E1'), event('E2')]);
        const e0 = (await collect(store.readStream(stream, { maxCount: 1 })))[0]!;

        const first = store.subscribeToAll({ fromPosition: e0.position });
        const firstRun = await reading(first).until((seen) => eventsOf(seen).filter(ours).length === 2);
        await first.unsubscribe();
        expect(eventsOf(firstRun).filter(ours).map((e) => e.type)).toEqual(['E1', 'E2']);
        const checkpoint = eventsOf(firstRun).filter(ours)[1]!.position;
        expect(checkpoint).toBe(seeded.position);

        await store.appendToStream(stream, [event('E3'), event('E4')]);
        const resumed = store.subscribeToAll({ fromPosition: checkpoint });
        const secondRun = await reading(resumed).until((seen) => eventsOf(seen).filter(ours).length === 2);
        await resumed.unsubscribe();
        expect(eventsOf(secondRun).filter(ours).map((e) => e.type)).toEqual(['E3', 'E4']);
      });

      it('from "end" delivers only what is appended afterwards', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event('Old')]);
        const subscription = store.subscribeToAll({ fromPosition: 'end' });
        const reader = reading(subscription);
        await reader.until((seen) => seen.some((m) => m.kind === 'caughtUp'));
        await store.appendToStream(stream, [event('New')]);
        const messages = await reader.until((seen) => eventsOf(seen).filter(ours).length >= 1);
        expect(eventsOf(messages).filter(ours).map((e) => e.type)).toEqual(['New']);
        await subscription.unsubscribe();
      });

      it('filters $all by stream name prefix and by event type prefix', async () => {
        const wanted = streamName('wanted');
        const other = streamName('other');
        const byStream = store.subscribeToAll({ filter: { streamNamePrefixes: [`${prefix}wanted`] } });
        const byType = store.subscribeToAll({ filter: { eventTypePrefixes: [`${prefix}Agreement`] } });
        const streamReader = reading(byStream);
        const typeReader = reading(byType);
        await store.appendToStream(other, [event(`${prefix}AgreementOpened`), event('Noise')]);
        await store.appendToStream(wanted, [event('W1'), event(`${prefix}AgreementSigned`)]);

        const streamMessages = await streamReader.until((seen) => eventsOf(seen).length === 2);
        const typeMessages = await typeReader.until((seen) => eventsOf(seen).length === 2);
        expect(eventsOf(streamMessages).map((e) => e.type)).toEqual(['W1', `${prefix}AgreementSigned`]);
        expect(eventsOf(typeMessages).map((e) => e.type)).toEqual([`${prefix}AgreementOpened`, `${prefix}AgreementSigned`]);
        await byStream.unsubscribe();
        await byType.unsubscribe();
      });

      it('subscribes to one stream after a revision (exclusive), then live', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event('R0'), event('R1')]);
        await store.appendToStream(streamName(), [event('Elsewhere')]);
        const subscription = store.subscribeToStream(stream, { fromRevision: 0n });
        const reader = reading(subscription);
        await reader.until((seen) => seen.some((m) => m.kind === 'caughtUp'));
        await store.appendToStream(stream, [event('R2')]);
        const messages = await reader.until((seen) => eventsOf(seen).length === 2);
        expect(eventsOf(messages).map((e) => [e.type, e.revision])).toEqual([['R1', 1n], ['R2', 2n]]);
        await subscription.unsubscribe();
      });

      it('delivers a stream from the start, including a stream created after subscribing', async () => {
        const stream = streamName();
        const subscription = store.subscribeToStream(stream);
        const reader = reading(subscription);
        await store.appendToStream(stream, [event('First')]);
        const messages = await reader.until((seen) => eventsOf(seen).length === 1);
        expect(eventsOf(messages)[0]).toMatchObject({ type: 'First', revision: 0n });
        await subscription.unsubscribe();
      });

      it('ends a pending iteration when unsubscribed', async () => {
        const subscription = store.subscribeToAll({ fromPosition: 'end' });
        const iterator = subscription[Symbol.asyncIterator]();
        const first = await iterator.next();
        expect(first.value).toEqual({ kind: 'caughtUp' });
        const pending = iterator.next();
        await subscription.unsubscribe();
        await expect(pending).resolves.toMatchObject({ done: true });
      });

      it('lets a consumer that is not reading fall behind without blocking writers, then catch up fully', async () => {
        const stream = streamName();
        const subscription = store.subscribeToStream(stream);
        for (let batch = 0; batch < 5; batch++) {
          await store.appendToStream(stream, Array.from({ length: 200 }, (_, i) => event('Bulk', { n: batch * 200 + i })));
        }
        const messages = await reading(subscription).until((seen) => eventsOf(seen).length === 1000);
        expect(eventsOf(messages).map((e) => e.data['n'])).toEqual(Array.from({ length: 1000 }, (_, i) => i));
        await subscription.unsubscribe();
      });
    });

    describe('refused input (specific error, nothing written)', () => {
      const refusals: Array<[string, (stream: string) => [string, EventToAppend[], object?], string, string]> = [
        ['an empty stream name', () => ['', [event('A')]], 'streamName', 'stream-name-empty'],
        ['an over-long stream name', () => ['x'.repeat(257), [event('A')]], 'streamName', 'stream-name-too-long'],
        ['a stream name starting with $', () => ['$system', [event('A')]], 'streamName', 'stream-name-reserved'],
        ['an empty batch', (s) => [s, []], 'events', 'batch-empty'],
        ['a missing event type', (s) => [s, [{ ...event('A'), type: '' }]], 'events[0].type', 'event-type-missing'],
        ['data that is an array', (s) => [s, [{ ...event('A'), data: [] as unknown as JsonObject }]], 'events[0].data', 'not-a-json-object'],
        ['data that is null', (s) => [s, [event('A'), { ...event('B'), data: null as unknown as JsonObject }]], 'events[1].data', 'not-a-json-object'],
        ['metadata that is a string', (s) => [s, [{ ...event('A'), metadata: 'x' as unknown as JsonObject }]], 'events[0].metadata', 'not-a-json-object'],
        ['an event id that is not a UUID', (s) => [s, [{ ...event('A'), id: 'not-a-uuid' }]], 'events[0].id', 'event-id-not-uuid'],
        ['a negative expected revision', (s) => [s, [event('A')], { expectedRevision: -1n }], 'expectedRevision', 'expected-revision-invalid'],
      ];

      it.each(refusals)('refuses %s', async (_label, build, field, rule) => {
        const stream = streamName();
        const [name, events, options] = build(stream);
        const attempt = store.appendToStream(name, events, options);
        await expect(attempt).rejects.toBeInstanceOf(InvalidStoreInputError);
        await expect(store.appendToStream(name, events, options)).rejects.toMatchObject({ field, rule });
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses a batch over the append size limit', async () => {
        const stream = streamName();
        const big = 'x'.repeat(600_000);
        await expect(store.appendToStream(stream, [event('A', { big }), event('B', { big })])).rejects.toMatchObject({
          field: 'events',
          rule: 'batch-too-large',
        });
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses invalid read options with a specific error', async () => {
        const stream = await seededStream(1);
        await expect(collect(store.readStream(stream, { maxCount: 0 }))).rejects.toMatchObject({ field: 'maxCount' });
        await expect(collect(store.readStream('$all'))).rejects.toMatchObject({ rule: 'stream-name-reserved' });
      });
    });

    const seededStream = async (count: number): Promise<string> => {
      const stream = streamName();
      await store.appendToStream(stream, Array.from({ length: count }, (_, i) => event(`E${i}`, { n: i })));
      return stream;
    };
  });
};

const event = (type: string, data: JsonObject = {}, metadata?: JsonObject): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const summary = (e: RecordedEvent) => ({
  id: e.id,
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  streamName: e.streamName,
  revision: e.revision,
});

const eventsOf = (messages: readonly SubscriptionMessage[]): RecordedEvent[] =>
  messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));

const isStrictlyIncreasing = (values: readonly bigint[]): boolean =>
  values.every((value, index) => index === 0 || value > (values[index - 1] as bigint));

const expectWrongRevision = async (
  attempt: Promise<unknown>,
  expected: Pick<WrongExpectedRevisionError, 'streamName' | 'expected' | 'actual'>,
): Promise<void> => {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(expected);
};

/**
 * Reads a subscription in the background and lets a test wait (bounded) until what has
 * arrived satisfies a condition; fails with what did arrive when it does not.
 */
const reading = (subscription: Subscription, timeoutMs = 5_000) => {
  const messages: SubscriptionMessage[] = [];
  const listeners = new Set<() => void>();
  let failure: unknown;
  void (async () => {
    try {
      for await (const message of subscription) {
        messages.push(message);
        listeners.forEach((listener) => listener());
      }
    } catch (error) {
      failure = error;
      listeners.forEach((listener) => listener());
    }
  })();
  return {
    until: (condition: (seen: SubscriptionMessage[]) => boolean): Promise<SubscriptionMessage[]> =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (failure !== undefined) return finish(() => reject(failure));
          if (condition(messages)) return finish(() => resolve([...messages]));
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`Subscription condition not met within ${timeoutMs} ms; received ${JSON.stringify(messages.map(describeMessage))}`)),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
};

const describeMessage = (message: SubscriptionMessage) =>
  message.kind === 'event' ? `${message.event.streamName}:${message.event.type}` : message.kind;
