import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { registryUpcasters } from '../../src/app/upcasters';
import { handleCommand, loadStream, type CommandHandlerDeps } from '../../src/eventSourcing/commandHandler';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { ensureSeedPolicy } from '../../src/policy/ensureSeedPolicy';
import { policyDecider } from '../../src/policy/policyDecider';
import { POLICY_STREAM } from '../../src/policy/policyTypes';
import { SEED_POLICY_VERSION, seedPolicyCommand } from '../../src/policy/seedPolicy';
import { parseCommandId } from '../../src/shared/ids';
import type { LegalDate } from '../../src/shared/time';

describe('seeding the federal policy at start', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let deps: CommandHandlerDeps;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-seed-'));
    store = SqliteEventStore.open({ dataDir });
    deps = { store, clock: () => DateTime.fromISO('2025-06-15T18:00:00Z'), upcasters: registryUpcasters };
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes the seed version into an empty store, once across restarts', async () => {
    await expect(ensureSeedPolicy(deps)).resolves.toBe('published');
    await expect(ensureSeedPolicy(deps)).resolves.toBe('present');
    const { state } = await loadStream(deps, policyDecider, POLICY_STREAM);
    expect(state.versions).toEqual([SEED_POLICY_VERSION]);
  });

  it('leaves a store whose policy an administrator already published untouched', async () => {
    const adminVersion = { ...seedPolicyCommand(), data: { ...seedPolicyCommand().data, effectiveFrom: '2019-01-01' as LegalDate } };
    await handleCommand(deps, policyDecider, POLICY_STREAM, adminVersion, {
      commandId: parseCommandId('2b6a1f7e-1d2c-4b3a-8f9e-0a1b2c3d4e5f'),
      actor: { id: 'admin', role: 'admin', entityScope: [] },
    });
    await expect(ensureSeedPolicy(deps)).resolves.toBe('present');
    const { state } = await loadStream(deps, policyDecider, POLICY_STREAM);
    expect(state.versions.map((version) => version.effectiveFrom)).toEqual(['2019-01-01']);
  });
});
