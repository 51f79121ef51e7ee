import type { EventStore, RecordedEvent } from '../../src/eventStore/eventStore';
import { RegistryMetrics, type ProjectionSource } from '../../src/observability/metrics';
import type { RunnerHealth } from '../../src/projectionRunner/projectionRunner';

/** A store whose head is whatever the test says (or that does not answer). */
const storeAt = (head: () => bigint | null | Error): EventStore =>
  ({
    readAll: async function* () {
      const position = head();
      if (position instanceof Error) throw position;
      if (position !== null) yield { position } as RecordedEvent;
    },
  }) as unknown as EventStore;

const runnerAt = (health: Partial<RunnerHealth>, eventsApplied = 0): ProjectionSource => ({
  health: () => ({ phase: 'live', position: null, failures: [], snapshot: 'absent', snapshotWriteFailure: null, readFailure: null, ...health }),
  eventsApplied,
});

/** The value of one sample of the exposition text, or undefined when it is absent. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('the registry metrics', () => {
  it('reports the projection lag as head minus applied position, in the store\'s unit', async () => {
    const metrics = new RegistryMetrics({ store: storeAt(() => 5_000n), runner: runnerAt({ position: 3_200n, phase: 'catching-up' }, 7), processMetrics: false });
    const text = await metrics.render();
    expect(sample(text, 'registry_event_store_up')).toBe(1);
    expect(sample(text, 'registry_event_store_head_position')).toBe(5_000);
    expect(sample(text, 'registry_projection_applied_position')).toBe(3_200);
    expect(sample(text, 'registry_projection_lag')).toBe(1_800);
    expect(sample(text, 'registry_projection_events_applied_total')).toBe(7);
    expect(sample(text, 'registry_projection_runner_phase{phase="catching-up"}')).toBe(1);
    expect(sample(text, 'registry_projection_runner_phase{phase="live"}')).toBe(0);
  });

  it('counts failed projections, and says when the store does not answer instead of guessing a lag', async () => {
    const failure = { projection: 'audit', eventId: 'e', position: 3n, eventType: 'AgreementSigned', message: 'boom' };
    const metrics = new RegistryMetrics({ store: storeAt(() => new Error('unreachable')), runner: runnerAt({ position: 3n, failures: [failure] }), processMetrics: false });
    const text = await metrics.render();
    expect(sample(text, 'registry_event_store_up')).toBe(0);
    expect(text).not.toContain('registry_projection_lag');
    expect(text).not.toContain('registry_event_store_head_position');
    expect(sample(text, 'registry_projections_failed')).toBe(1);
  });

  it('labels commands, operations and requests with bounded values', async () => {
    const metrics = new RegistryMetrics({ store: storeAt(() => null), runner: runnerAt({}), processMetrics: false });
    metrics.countCommand('SignAgreement', 'rule-violation', 0.01);
    metrics.countGraphQLOperation('http', 'mutation', 'RULE_VIOLATION');
    metrics.observeHttpRequest({ method: 'PROPFIND', path: '/wp-admin/setup.php', operationType: 'none', status: 404, durationSeconds: 0.001 });
    const text = await metrics.render();
    expect(sample(text, 'registry_commands_total{command_type="SignAgreement",outcome="rule-violation"}')).toBe(1);
    expect(sample(text, 'registry_graphql_operations_total{transport="http",operation_type="mutation",code="RULE_VIOLATION"}')).toBe(1);
    expect(sample(text, 'registry_http_request_duration_seconds_count{method="other",route="other",operation_type="none",status_class="4xx"}')).toBe(1);
    expect(sample(text, 'registry_projection_lag')).toBe(0);
  });
});
