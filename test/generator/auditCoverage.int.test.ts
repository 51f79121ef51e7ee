import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUDIT_RULE_CODES, auditFindingsProjection, evaluateFindings } from '../../projections/auditFindings';
import { policyProjection } from '../../projections/policy';
import { registryUpcasters } from '../../src/app/upcasters';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import { toProjectedEvent } from '../../src/projectionRunner/registryEvent';
import type { LegalDate } from '../../src/shared/time';

/**
 * The point of the planted irregular cases: the real audit, folded from the written store, raises
 * every one of its rules on a history of a few hundred agreements.
 */
describe('a generated history under the audit', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-audit-'));
    store = SqliteEventStore.open({ dataDir: dir, durability: 'normal' });
  });

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('raises every audit rule at least once', async () => {
    await writeHistory(store, generateHistory({ seed: 42, agreements: 300, to: '2025-06-01' as LegalDate }), { pipelineSameStream: true });
    const audit = auditFindingsProjection.create();
    const policy = policyProjection.create();
    for await (const recorded of store.readAll()) {
      const event = toProjectedEvent(recorded, registryUpcasters);
      if (!event) continue;
      auditFindingsProjection.apply(audit, event);
      policyProjection.apply(policy, event);
    }
    const findings = evaluateFindings(audit, policy, '2025-05-31' as LegalDate);
    const raised = new Set(findings.map((finding) => finding.ruleCode));
    expect(AUDIT_RULE_CODES.filter((code) => !raised.has(code))).toEqual([]);
    expect(new Set(findings.map((finding) => finding.policyVersion))).toEqual(new Set([1, 2]));
  }, 120_000);
});
