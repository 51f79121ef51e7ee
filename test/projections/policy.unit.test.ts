import { latestPublishedPolicyVersion, policyProjection, policyVersionByNumber, policyVersionInForceOn, type PolicyModel } from '../../projections/policy';
import type { PolicyVersion } from '../../src/policy/policyTypes';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import { AGREEMENT_ID, date, opened } from '../agreements/agreementFixtures';
import { eventLog, instant } from '../support/auditEvents';

const V2: PolicyVersion = { ...SEED_POLICY_VERSION, version: 2, effectiveFrom: date('2026-01-01'), title: 'Política 2026' };
const V3: PolicyVersion = { ...SEED_POLICY_VERSION, version: 3, effectiveFrom: date('2030-01-01'), title: 'Política 2030' };

const fold = (events: readonly ProjectedEvent[]): PolicyModel => {
  const model = policyProjection.create();
  for (const event of events) policyProjection.apply(model, event);
  return model;
};

describe('policy read model', () => {
  const log = eventLog();
  const seed = log.publishPolicy(SEED_POLICY_VERSION, { recordedAt: instant('2020-01-01T12:00:00.000Z') });
  log.record(AGREEMENT_ID, opened());
  // Published in March 2026 with effect from January 2026 (retroactively).
  const second = log.publishPolicy(V2, { recordedAt: instant('2026-03-01T12:00:00.000Z') });
  // Published ahead of the day it takes effect.
  log.publishPolicy(V3, { recordedAt: instant('2026-06-01T12:00:00.000Z') });
  const model = fold(log.events);

  it('keeps every version in order with its event and publication instant', () => {
    expect(model.versions.map((version) => [version.version, version.effectiveFrom])).toEqual([
      [1, '1992-01-02'],
      [2, '2026-01-01'],
      [3, '2030-01-01'],
    ]);
    expect(model.versions[0]).toMatchObject({ ...SEED_POLICY_VERSION, eventId: seed.id, publishedAt: '2020-01-01T12:00:00.000Z' });
    expect(model.position).toBe(log.events[3]!.position);
  });

  it('answers the version in force on a date, undefined before the first', () => {
    expect(policyVersionInForceOn(model, date('1992-01-01'))).toBeUndefined();
    expect(policyVersionInForceOn(model, date('1992-01-02'))?.version).toBe(1);
    expect(policyVersionInForceOn(model, date('2025-12-31'))?.version).toBe(1);
    expect(policyVersionInForceOn(model, date('2026-01-01'))?.version).toBe(2);
    expect(policyVersionInForceOn(model, date('2029-12-31'))?.version).toBe(2);
    expect(policyVersionInForceOn(model, date('2031-05-05'))?.version).toBe(3);
  });

  it('answers as the registry knew it at an instant', () => {
    expect(policyVersionInForceOn(model, date('2026-02-01'), { knownAt: instant('2026-02-01T12:00:00.000Z') })?.version).toBe(1);
    expect(policyVersionInForceOn(model, date('2026-02-01'), { knownAt: second.metadata.recordedAt })?.version).toBe(2);
    expect(policyVersionInForceOn(model, date('2026-02-01'), { knownAt: instant('2019-01-01T00:00:00.000Z') })).toBeUndefined();
  });

  it('finds versions by number and the latest published', () => {
    expect(policyVersionByNumber(model, 2)?.title).toBe('Política 2026');
    expect(policyVersionByNumber(model, 9)).toBeUndefined();
    expect(latestPublishedPolicyVersion(model)?.version).toBe(3);
  });

  it('keeps effectiveFrom order even for a log the decider did not write', () => {
    const unordered = eventLog();
    unordered.publishPolicy(V2);
    unordered.publishPolicy(SEED_POLICY_VERSION);
    expect(fold(unordered.events).versions.map((version) => version.version)).toEqual([1, 2]);
  });
});
