import { agreementsProjection } from '../../../projections/agreements';
import type { Viewer } from '../../../src/access/permissions';
import type { Actor } from '../../../src/eventSourcing/envelope';
import { eventVisibleTo, redactedFor } from '../../../src/graphql/live/eventVisibility';
import type { ProjectedEvent, RegistryEvent } from '../../../src/projectionRunner/registryEvent';

const actor = (role: Actor['role'], entityScope: string[] = []): Viewer => ({ kind: 'actor', actor: { id: `${role}@example.mx`, role, entityScope } });
const ANONYMOUS: Viewer = { kind: 'anonymous' };

const projected = (event: RegistryEvent, streamName: string, agreementId: string | null = null): ProjectedEvent =>
  ({
    id: 'e1',
    streamName,
    revision: 0n,
    position: 1n,
    event,
    agreementId,
    recordedAt: '2025-06-15T18:00:00.000Z',
    role: 'subnational',
    metadata: { actor: { id: 'enlace@nl.gob.mx', role: 'subnational', entityScope: ['19'] }, recordedAt: '2025-06-15T18:00:00.000Z' },
  }) as unknown as ProjectedEvent;

describe('what the live feed shows of an event', () => {
  const agreements = agreementsProjection.create();

  it('shows an entity’s profile events (objectives, networks) only to privileged readers and the entity’s own users, as `entity` does', () => {
    const progress = projected(
      { type: 'StrategyObjectiveProgressRecorded', data: { entityCode: '19', objective: 'o1', level: 'advanced', recordedOn: '2025-06-15', note: 'nota interna' } } as unknown as RegistryEvent,
      'entity-19',
    );
    expect(eventVisibleTo(ANONYMOUS, progress, agreements)).toBe(false);
    expect(eventVisibleTo(actor('subnational', ['14']), progress, agreements)).toBe(false);
    expect(eventVisibleTo(actor('subnational', ['19']), progress, agreements)).toBe(true);
    expect(eventVisibleTo(actor('parliament'), progress, agreements)).toBe(true);
    // The federal policy is public.
    expect(eventVisibleTo(ANONYMOUS, projected({ type: 'PolicyVersionPublished', data: {} } as unknown as RegistryEvent, 'federal-policy'), agreements)).toBe(true);
  });

  it('keeps SRE observations from readers without full access, in an opinion and in a correction of one', () => {
    const opinion = { opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: '2025-06-01', observations: 'interna' };
    const issued = projected({ type: 'SreOpinionIssued', data: opinion } as unknown as RegistryEvent, 'agreement-a', 'a');
    const corrected = projected(
      { type: 'FactCorrected', data: { correctedEventId: 'e0', correctedType: 'SreOpinionIssued', correctedData: opinion, reason: 'número' } } as unknown as RegistryEvent,
      'agreement-a',
      'a',
    );
    for (const viewer of [ANONYMOUS, actor('subnational', ['19'])]) {
      expect(redactedFor(viewer, issued)).toEqual({ actorId: null, data: { opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: '2025-06-01' } });
      expect(JSON.stringify(redactedFor(viewer, corrected).data)).not.toContain('interna');
      expect(redactedFor(viewer, corrected).data).toMatchObject({ correctedType: 'SreOpinionIssued', reason: 'número', correctedData: { opinionNumber: 'DGCP-1' } });
    }
    expect(redactedFor(actor('sre-legal'), corrected)).toEqual({ actorId: 'enlace@nl.gob.mx', data: corrected.event.data });
  });
});
