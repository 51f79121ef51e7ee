import { useEffect, useRef, useState } from 'preact/hooks';
import { gql } from '../api/graphql';
import { ErrorText } from './common';
import { useDashboard } from '../context';
import { formatDate, formatInstant, formatNumber } from '../format';
import { useQuery, useSubscription } from '../hooks';
import { eventLabel, roleLabel } from '../labels';
import { agreementPath, entityPath } from '../routes';
import type { RegistryEventNotice } from '../types';

const RECENT = gql`
  query RecentActivity {
    registryStatus { position }
    timeline(order: DESC, first: 12) {
      edges { node { eventId agreementId type validAt recordedAt actorRole agreement { title } } }
    }
  }
`;

const REGISTRY_EVENTS = gql`
  subscription RegistryEvents($after: Position) {
    registryEvents(after: $after) { cursor eventId type agreementId entityCode validAt recordedAt actorRole actorId }
  }
`;

const AGREEMENT_TITLE = gql`
  query AgreementTitle($id: ID!) {
    agreement(id: $id) { title }
  }
`;

/** An event of the feed: from the recent timeline at first, then live from `registryEvents`. */
type FeedEntry = Omit<RegistryEventNotice, 'cursor' | 'actorId'> & { readonly live: boolean };

interface Recent {
  readonly registryStatus: { readonly position: string | null };
  readonly timeline: {
    readonly edges: readonly {
      readonly node: { eventId: string; agreementId: string; type: string; validAt: string | null; recordedAt: string; actorRole: string; agreement: { title: string } | null };
    }[];
  };
}

const MAX_ENTRIES = 12;

/**
 * The latest events of the registry, newest first: the recent timeline, then every event as it
 * is recorded (`registryEvents`, resumed from the last cursor after a reconnect).
 */
export const LiveFeed = () => {
  const { query } = useDashboard();
  const recent = useQuery<Recent>(RECENT, undefined);
  const [entries, setEntries] = useState<readonly FeedEntry[]>([]);
  const [received, setReceived] = useState(0);
  const [titles, setTitles] = useState<ReadonlyMap<string, string | null>>(new Map());
  const asked = useRef(new Set<string>());

  useEffect(() => {
    if (!recent.data) return;
    setEntries(recent.data.timeline.edges.map(({ node }) => ({ ...node, entityCode: null, live: false })));
    setTitles(new Map(recent.data.timeline.edges.map(({ node }) => [node.agreementId, node.agreement?.title ?? null])));
  }, [recent.data]);

  const after = recent.data?.registryStatus.position ?? null;
  useSubscription<{ registryEvents: RegistryEventNotice }>(
    REGISTRY_EVENTS,
    after === null ? {} : { after },
    {
      next: ({ registryEvents: notice }) => {
        setReceived((count) => count + 1);
        setEntries((current) => (current.some((entry) => entry.eventId === notice.eventId) ? current : [{ ...notice, live: true }, ...current].slice(0, MAX_ENTRIES)));
      },
      resumeWith: ({ registryEvents: notice }) => ({ after: notice.cursor }),
    },
    recent.data !== undefined,
  );

  // Titles of agreements first seen live, asked once each.
  useEffect(() => {
    for (const entry of entries) {
      const id = entry.agreementId;
      if (!id || titles.has(id) || asked.current.has(id)) continue;
      asked.current.add(id);
      query<{ agreement: { title: string } | null }>(AGREEMENT_TITLE, { id }).then(
        ({ agreement }) => setTitles((current) => new Map(current).set(id, agreement?.title ?? null)),
        () => asked.current.delete(id),
      );
    }
  }, [entries, titles, query]);

  if (!recent.data) return <p class="muted">{recent.error ? <>No se pudo cargar la actividad: <ErrorText error={recent.error} /></> : 'Cargando la actividad…'}</p>;
  return (
    <div class="feed">
      <p class="feed-summary muted" data-received={String(received)}>
        {received === 0 ? 'Los nuevos registros aparecen aquí al momento.' : `${formatNumber(received)} ${received === 1 ? 'evento recibido' : 'eventos recibidos'} en vivo desde que abrió esta página.`}
      </p>
      <ol class="feed-list" role="log" aria-live="polite" aria-label="Eventos más recientes del Registro">
        {entries.map((entry) => {
          const title = entry.agreementId ? titles.get(entry.agreementId) : undefined;
          return (
            <li key={entry.eventId} class={entry.live ? 'feed-item is-live' : 'feed-item'} data-event-type={entry.type} data-agreement={entry.agreementId ?? undefined}>
              <span class="feed-type">{eventLabel(entry.type)}</span>
              {entry.agreementId ? (
                <a class="feed-title" href={agreementPath(entry.agreementId)}>
                  {title ?? (title === null ? 'Acuerdo no visible' : 'Acuerdo…')}
                </a>
              ) : entry.entityCode ? (
                <a class="feed-title" href={entityPath(entry.entityCode)}>
                  Entidad {entry.entityCode}
                </a>
              ) : null}
              <span class="feed-meta">
                {entry.validAt && <>Fecha jurídica {formatDate(entry.validAt)} · </>}
                registrado el <time dateTime={entry.recordedAt}>{formatInstant(entry.recordedAt)}</time> · {roleLabel(entry.actorRole)}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
};
