/**
 * Child process for the cross-process store test: subscribes to the live end of the store at
 * `dataDir` and prints `waiting` once caught up, then `event <id>` for each event another process
 * appends. Only its standard input keeps it alive: once that closes, it must exit by itself even
 * though its subscription still waits for events.
 */
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: idleSubscriber <dataDir>');
const store = SqliteEventStore.open({ dataDir });
const subscription = store.subscribeToAll({ fromPosition: 'end' });
process.stdin.resume();
process.stdin.on('end', () => process.stdin.destroy());

void (async () => {
  for await (const message of subscription) {
    process.stdout.write(message.kind === 'caughtUp' ? 'waiting\n' : `event ${message.event.id}\n`);
  }
})();
