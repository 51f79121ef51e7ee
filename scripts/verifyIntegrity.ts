/**
 * Verifies the hash chains of the whole store or of one stream. Exit code 1 on a break.
 * Usage: npm run verify -- --help
 */
import { describeStore, openEventStore } from '../src/app/openEventStore';
import { runCommand, usageError } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig } from '../src/config/config';
import { scanChains, type ChainBreakReason } from '../src/eventSourcing/hashChain';
import { StreamNotFoundError } from '../src/eventStore/errors';
import { readHeadPosition } from '../src/eventStore/headPosition';

const MEANING: Readonly<Record<ChainBreakReason, string>> = {
  'hash-mismatch': 'its content no longer matches the hash it was written with: the event was altered after it was recorded',
  'previous-hash-mismatch': 'it does not follow the event before it in its stream: an earlier event was altered, removed or inserted',
  'hash-missing': 'it carries no hash: it was not written by the registry',
};

runCommand(
  {
    usage: 'npm run verify [-- --agreement ID | --stream NAME]',
    description:
      "Checks the tamper-evident hash chains: every event's SHA-256 over its stream, revision, id, type, data and metadata, " +
      'and its link to the previous event of its stream. Reads the whole store (or one stream), prints what it checked and ' +
      'every break with its stream, revision, event id and position. Exit code 0 when intact, 1 on a break.',
    options: {
      agreement: { type: 'string', valueName: 'ID', description: "one agreement's stream (its UUID)" },
      stream: { type: 'string', valueName: 'NAME', description: 'one stream by name (e.g. federal-policy, entity-14)' },
    },
    epilogue: 'Reads the same configuration as the server (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING); the service may keep running.',
  },
  async ({ values }) => {
    if (values.agreement !== undefined && values.stream !== undefined) usageError('Give --agreement or --stream, not both.');
    const streamName = values.agreement !== undefined ? `agreement-${values.agreement.trim().toLowerCase()}` : values.stream?.trim();
    const config = loadConfig(process.env);
    const store = openEventStore(config.store);
    const where = describeStore(config.store);
    try {
      // Positions count events on the embedded store only (EventStoreDB's are log offsets).
      const total = streamName === undefined && config.store.kind === 'sqlite' ? Number((await readHeadPosition(store)) ?? 0n) : undefined;
      const progress = createProgress({ label: 'Verifying', unit: 'events' });
      const started = process.hrtime.bigint();
      let scan;
      try {
        scan = await scanChains(streamName === undefined ? store.readAll() : store.readStream(streamName), {
          onEvent: (checked) => checked % 5_000 === 0 && progress.update(checked, total),
        });
      } catch (error) {
        if (error instanceof StreamNotFoundError) {
          console.error(`No stream named ${streamName} in ${where}: check the ${values.agreement !== undefined ? 'agreement id' : 'stream name'}.`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (scan.eventsChecked >= 5_000) progress.finish(scan.eventsChecked);
      const scope = streamName === undefined ? `every stream of ${where}` : `stream ${streamName} in ${where}`;
      console.log(
        `Checked the hash chains of ${scan.eventsChecked.toLocaleString('en')} events in ${scan.streamsChecked.toLocaleString('en')} ` +
          `stream${scan.streamsChecked === 1 ? '' : 's'} (${scope}) in ${seconds.toFixed(1)} s.`,
      );
      if (scan.breaks.length === 0) {
        console.log("Intact: every event matches its hash and follows its stream's previous event.");
        return;
      }
      console.log(`BROKEN: ${scan.breaks.length} break${scan.breaks.length === 1 ? '' : 's'} in the hash chains.`);
      for (const found of scan.breaks) {
        console.log(`  stream ${found.streamName} revision ${found.revision} event ${found.eventId} (position ${found.position}): ${found.reason}, ${MEANING[found.reason]}.`);
      }
      process.exitCode = 1;
    } finally {
      await store.close();
    }
  },
);
