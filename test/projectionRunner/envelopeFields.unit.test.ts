import { registryUpcasters } from '../../src/app/upcasters';
import { buildEventsToAppend, type CommandEnvelope } from '../../src/eventSourcing/commandHandler';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import type { JsonObject } from '../../src/eventStore/json';
import { envelopeFieldsOf } from '../../src/projectionRunner/envelopeFields';
import type { Instant } from '../../src/shared/time';

const envelope = {
  actor: { id: 'enlace-14039', role: 'subnational', entityScope: ['14039'] },
  correlationId: '86061b57-1534-8c71-bc06-b445d25c0ec4',
  causationId: '86061b57-1534-8c71-bc06-b445d25c0ec4',
  validAt: '2024-03-01',
  recordedAt: '2024-03-01T18:05:00.000Z',
  schemaVersion: 2,
  previousHash: null,
  hash: 'e51f45abe5efa11cb2ec28cd9a9cebf99c584ae091bba06d4c944e4be3daf182',
};

/** A stored event whose parsed metadata is `parsed` and whose text is `text`, counting parses. */
const recordedWith = (text: string | undefined, parsed: JsonObject) => {
  let parses = 0;
  const recorded = {
    id: 'e1',
    type: 'AgreementOpened',
    data: {},
    streamName: 'agreement-1',
    revision: 0n,
    position: 1n,
    ...(text === undefined ? {} : { metadataJson: text }),
    get metadata() {
      parses++;
      return parsed;
    },
  } as unknown as RecordedEvent;
  return { recorded, parses: () => parses };
};

describe('envelopeFieldsOf', () => {
  it('reads recordedAt, role and schema version from the JSON text without parsing the metadata', () => {
    const { recorded, parses } = recordedWith(JSON.stringify(envelope), envelope);
    expect(envelopeFieldsOf(recorded)).toEqual({ recordedAt: '2024-03-01T18:05:00.000Z', role: 'subnational', schemaVersion: 2 });
    expect(parses()).toBe(0);
  });

  it('reads the parsed metadata when the store gives no text (EventStoreDB)', () => {
    const { recorded, parses } = recordedWith(undefined, { ...envelope, actor: { ...envelope.actor, role: 'sre-legal' }, schemaVersion: 3 });
    expect(envelopeFieldsOf(recorded)).toEqual({ recordedAt: '2024-03-01T18:05:00.000Z', role: 'sre-legal', schemaVersion: 3 });
    expect(parses()).toBe(1);
  });

  it('defaults a metadata without schema version to version 1', () => {
    const { schemaVersion, ...unversioned } = envelope;
    expect(schemaVersion).toBe(2);
    const { recorded } = recordedWith(JSON.stringify(unversioned), unversioned);
    expect(envelopeFieldsOf(recorded).schemaVersion).toBe(1);
  });

  it.each([
    ['its fields in another order', Object.fromEntries(Object.entries(envelope).reverse()) as typeof envelope],
    ['an escaped value', { ...envelope, recordedAt: '2024-03-01T18:05:00.000Z\\"' }],
    ['an unknown role', { ...envelope, actor: { ...envelope.actor, role: 'guest' } }],
    ['a version that is not a whole number', { ...envelope, schemaVersion: '2' }],
  ])('parses the whole metadata when the text has %s', (_case, metadata) => {
    const { recorded, parses } = recordedWith(JSON.stringify(metadata), metadata as JsonObject);
    expect(envelopeFieldsOf(recorded).recordedAt).toBe(metadata.recordedAt);
    expect(parses()).toBe(1);
  });

  it('reads the envelope the command handler writes, for every role, without parsing it', () => {
    for (const [role, entityScope, previousHash] of [['subnational', ['14039'], 'a'.repeat(64)], ['sre-legal', [], null], ['system', [], null]] as const) {
      const envelope = { commandId: 'cmd-1', actor: { id: `someone-${role}`, role, entityScope } } as unknown as CommandEnvelope;
      const [appended] = buildEventsToAppend({
        upcasters: registryUpcasters,
        validAt: () => '2024-03-01' as never,
        streamName: 'agreement-1',
        events: [{ type: 'TextRevised', data: { revisedOn: '2024-03-01' } }],
        envelope,
        tip: { revision: previousHash === null ? 'no_stream' : 3n, lastHash: previousHash },
        recordedAt: '2024-03-01T18:05:00.000Z' as Instant,
      });
      // The store keeps what JSON.stringify writes (src/eventStore/validation.ts).
      const metadata = appended?.metadata as JsonObject;
      const { recorded, parses } = recordedWith(JSON.stringify(metadata), metadata);
      expect(envelopeFieldsOf(recorded)).toEqual({ recordedAt: '2024-03-01T18:05:00.000Z', role, schemaVersion: metadata['schemaVersion'] });
      expect(parses()).toBe(0);
    }
  });

  it('takes no value from a nested object that repeats a key, even unescaped', () => {
    const decoy = { extra: { recordedAt: '1999-01-01T00:00:00.000Z', role: 'admin' }, ...envelope };
    const { recorded, parses } = recordedWith(JSON.stringify(decoy), decoy);
    expect(envelopeFieldsOf(recorded)).toMatchObject({ recordedAt: '2024-03-01T18:05:00.000Z', role: 'subnational' });
    expect(parses()).toBe(1);
  });

  it('reads an envelope with null validAt and previousHash and an empty scope without parsing it', () => {
    const system = { ...envelope, actor: { id: 'registry', role: 'system', entityScope: [] }, validAt: null, previousHash: null };
    const { recorded, parses } = recordedWith(JSON.stringify(system), system);
    expect(envelopeFieldsOf(recorded)).toEqual({ recordedAt: '2024-03-01T18:05:00.000Z', role: 'system', schemaVersion: 2 });
    expect(parses()).toBe(0);
  });
});
