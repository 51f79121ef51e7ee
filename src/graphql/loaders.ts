import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import { agreementsProjection, type AgreementView } from '../../projections/agreements';
import { auditFindingsProjection, findingsOfAgreement, type AuditFinding } from '../../projections/auditFindings';
import { counterpartsProjection, type CounterpartEntry } from '../../projections/counterparts';
import { policyProjection } from '../../projections/policy';
import type { Viewer } from '../access/permissions';
import type { AgreementId } from '../agreements/agreementTypes';
import { registryProjections } from '../app/projections';
import { fromPastModelKey, loadPastModels, type PastModel } from '../projectionRunner/registryAsOf';
import { visibleCounterpartsModel } from '../queries/visibleModels';
import { countryByCode, placeOf, type PlaceInfo } from '../queries/referenceLookups';
import type { Country } from '../reference';
import { NotFoundError } from '../shared/errors';
import type { LegalDate } from '../shared/time';
import { loadAgreementHistory, type AgreementHistory } from '../timeTravel/agreementHistory';
import type { RegistryServices } from './context';
import { entityParent, type EntityParent } from './parents';
import { liveReadView, type PastAgreement, type RegistryReadView } from './readModels';
import { agreementScope } from './visibility';

/** Batch calls made by one request's loaders: what the N+1 test counts. */
export interface LoaderStats {
  batchCalls: number;
  readonly byLoader: Record<string, number>;
}

/**
 * DataLoaders of one request (HTTP) or one operation (WebSocket), never shared between callers:
 * their caches hold what this viewer may see. Each batch function returns one result per key, in
 * the order of the keys.
 */
export interface RegistryLoaders {
  /** Live agreement views by id (null when unknown); visibility is the caller's to check. */
  readonly agreement: DataLoader<string, AgreementView | null>;
  /** INEGI codes resolved against the shipped catalogue (names, inCatalogue). */
  readonly place: DataLoader<string, PlaceInfo>;
  readonly country: DataLoader<string, Country | null>;
  /** Registry-wide counterparts by key, counted over the agreements the viewer may see. */
  readonly counterpart: DataLoader<string, CounterpartEntry | null>;
  /** Entities (portfolio and profile) by INEGI code, as the viewer sees them. */
  readonly entity: DataLoader<string, EntityParent>;
  /** Findings of live agreements on today, by agreement id. */
  readonly findings: DataLoader<string, readonly AuditFinding[]>;
  /** An agreement's events read from the store, by agreement id (null when it has none). */
  readonly history: DataLoader<string, AgreementHistory | null>;
  /**
   * One read model as of an instant, by `pastModelKey(instant, model)`: the models asked for one
   * instant in a tick are built by one replay.
   */
  readonly pastModel: DataLoader<string, PastModel>;
  /** Views folded as of an instant in this request, and what they stand for (see readModels). */
  readonly pastViews: WeakMap<AgreementView, PastAgreement>;
  /** The parties and counterparts of those views: their entity and counterpart are read as of the same instant. */
  readonly pastParts: WeakMap<object, PastAgreement>;
  /** Counterparts read from a past registry, and that registry (for their agreements). */
  readonly pastCounterparts: WeakMap<object, RegistryReadView>;
  readonly stats: LoaderStats;
}

/**
 * A loader whose cache holds while the read models stand still. A WebSocket operation (a
 * subscription) lives across many events: once the runner has applied another, the cache is
 * dropped so that no field answers from an older state than its neighbours.
 */
class PositionBoundLoader<K, V> extends DataLoader<K, V> {
  private seenPosition: bigint | null;

  constructor(
    batch: DataLoader.BatchLoadFn<K, V>,
    private readonly position: () => bigint | null,
  ) {
    super(batch);
    this.seenPosition = position();
  }

  override load(key: K): Promise<V> {
    const now = this.position();
    if (now !== this.seenPosition) {
      this.seenPosition = now;
      this.clearAll();
    }
    return super.load(key);
  }
}

/** A value built on first call and kept. */
const once = <T>(create: () => T): (() => T) => {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: create() }).value;
};

type LoaderObserver = (loaders: RegistryLoaders, correlationId: string) => void;
const observers = new Set<LoaderObserver>();

/**
 * Test-only hook: called with each request's loaders as they are created, so a test can read
 * their batch counts once its request is answered. Nothing in production registers one, and
 * nothing of it reaches a response.
 */
export const observeLoaders = (observer: LoaderObserver): (() => void) => {
  observers.add(observer);
  return () => observers.delete(observer);
};

export const createLoaders = (services: RegistryServices, viewer: Viewer, today: LegalDate, correlationId: string): RegistryLoaders => {
  const stats: LoaderStats = { batchCalls: 0, byLoader: {} };
  const { runner } = services;
  const position = () => runner.position;
  const loader = <K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]> | readonly (V | Error)[]): DataLoader<K, V> =>
    new PositionBoundLoader<K, V>(async (keys) => {
      stats.batchCalls += 1;
      stats.byLoader[name] = (stats.byLoader[name] ?? 0) + 1;
      return batch(keys);
    }, position);

  // Each loader is built when a resolver first asks for it: most operations use one or two of
  // them, and a subscription builds a fresh set for every delivery.
  const agreementLoader = once(() =>
    loader('agreement', (ids: readonly string[]) => {
      const model = runner.model(agreementsProjection);
      return ids.map((id) => model.agreements.get(id as AgreementId) ?? null);
    }),
  );
  const placeLoader = once(() => loader('place', (codes: readonly string[]) => codes.map(placeOf)));
  const countryLoader = once(() => loader('country', (codes: readonly string[]) => codes.map(countryByCode)));
  const counterpartLoader = once(() =>
    loader('counterpart', (keys: readonly string[]) => {
      const model = visibleCounterpartsModel(runner.model(counterpartsProjection), runner.model(agreementsProjection), agreementScope(viewer));
      return keys.map((key) => model.counterparts.get(key) ?? null);
    }),
  );
  const entityLoader = once(() =>
    loader('entity', (codes: readonly string[]) => {
      // One read view for the batch; the visible model behind the portfolios is cached per scope.
      const view = liveReadView({ services, today });
      return codes.map((code) => entityParent(view, viewer, code));
    }),
  );
  const findingsLoader = once(() =>
    loader('findings', (ids: readonly string[]) => {
      const audit = runner.model(auditFindingsProjection);
      const policy = runner.model(policyProjection);
      return ids.map((id) => findingsOfAgreement(audit, policy, id, today));
    }),
  );
  const historyLoader = once(() =>
    loader('history', (ids: readonly string[]) =>
      Promise.all(
        ids.map((id) =>
          loadAgreementHistory(services.commands, id as AgreementId).catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            return error instanceof Error ? error : new Error(String(error));
          }),
        ),
      ),
    ),
  );
  const pastModelLoader = once(() => {
    const deps = { store: services.commands.store, projections: registryProjections, upcasters: services.commands.upcasters, history: services.history };
    const parse = (instant: string) => DateTime.fromISO(instant, { zone: 'utc' });
    // Through the cache shared by requests: a settled past is built once (see PastModelCache).
    return loader('pastModel', (keys: readonly string[]) =>
      services.pastModels.load(
        keys.map(fromPastModelKey),
        // One build slot per instant: a request with twenty aliases at twenty instants does not
        // build twenty past registries at once under one slot.
        (missing) => loadPastModels(deps, missing, parse, (build) => services.pastBuilds.run(build)),
        (instant) => parse(instant).toMillis(),
      ),
    );
  });

  const loaders: RegistryLoaders = {
    get agreement() {
      return agreementLoader();
    },
    get place() {
      return placeLoader();
    },
    get country() {
      return countryLoader();
    },
    get counterpart() {
      return counterpartLoader();
    },
    get entity() {
      return entityLoader();
    },
    get findings() {
      return findingsLoader();
    },
    get history() {
      return historyLoader();
    },
    get pastModel() {
      return pastModelLoader();
    },
    pastViews: new WeakMap(),
    pastParts: new WeakMap(),
    pastCounterparts: new WeakMap(),
    stats,
  };
  for (const observer of observers) observer(loaders, correlationId);
  return loaders;
};
