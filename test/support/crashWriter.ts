/**
 * Child process for the crash test: appends as fast as it can from many concurrent writers and
 * prints one line per acknowledged append, `stream revision position id`, until it is killed.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashWriter <dataDir>');
const store = SqliteEventStore.open({ dataDir });
const writers = 32;

const writer = async (index: number): Promise<never> => {
  const stream = `crash-${index}-${randomUUID()}`;
  for (let revision = 0n; ; revision++) {
    const id = randomUUID();
    const result = await store.appendToStream(
      stream,
      [{ id, type: 'Appended', data: { writer: index, revision: Number(revision) } }],
      { expectedRevision: revision === 0n ? 'no_stream' : revision - 1n },
    );
    process.stdout.write(`${stream} ${result.nextExpectedRevision} ${result.position} ${id}\n`);
  }
};

for (let i = 0; i < writers; i++) void writer(i);
