import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { registryProjections } from '../../../src/app/projections';
import { registryUpcasters } from '../../../src/app/upcasters';
import { SqliteEventStore } from '../../../src/eventStore/sqlite/sqliteEventStore';
import type { RegistryContext } from '../../../src/graphql/context';
import { registryEventStream } from '../../../src/graphql/live/registryEventStream';
import { ProjectionRunner } from '../../../src/projectionRunner/projectionRunner';

describe('registryEventStream', () => {
  it('lets a client leave during a quiet spell at once, ending its pending read', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-stream-'));
    const store = SqliteEventStore.open({ dataDir });
    const runner = new ProjectionRunner({ store, projections: registryProjections, upcasters: registryUpcasters });
    await runner.start();
    const context = {
      services: { commands: { store, upcasters: registryUpcasters, clock: () => DateTime.utc() }, runner, readYourWritesTimeoutMs: 100, subscriberStallLimitMs: 1_000 },
      viewer: { kind: 'anonymous' },
    } as unknown as RegistryContext;

    const stream = registryEventStream(context, undefined, undefined);
    const pending = stream.next();
    const left = await Promise.race([stream.return?.(undefined).then(() => 'left'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_000))]);

    expect(left).toBe('left');
    await expect(pending).resolves.toMatchObject({ done: true });
    await runner.stop();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
