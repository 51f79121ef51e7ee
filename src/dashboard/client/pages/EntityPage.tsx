import { useState } from 'preact/hooks';
import { gql } from '../api/graphql';
import { ChartFigure } from '../components/ChartFigure';
import { LoadState, Panel, StatusBadge } from '../components/common';
import { formatDate, formatNumber } from '../format';
import { useDebounced, useQuery, useSubscription, useTitle } from '../hooks';
import { KIND_LABELS, LEVEL_LABELS, PROGRESS_LABELS, regionLabel, STATUS_LABELS } from '../labels';
import { agreementPath, entityPath } from '../routes';
import type { AgreementKind, AgreementStatus, Count, PartyLevel, ProgressLevel } from '../types';

const ENTITY = gql`
  query Entity($code: String!, $state: [String!], $isState: Boolean!, $first: Int!) {
    registryStatus { position }
    entity(code: $code) {
      code level name inCatalogue stateCode state { shortName }
      agreementCount ownAgreementCount municipalAgreementCount
      byStatus { status count }
      byKind { kind count }
      byRegion { key label count }
      withoutPriorityRegion
      byTheme { key label count }
      hasProfile
      objectives { objective name progress { level recordedOn note recordCount } }
      networks { current { networkId network { nameEs acronymEs } joinedOn } past { networkId network { nameEs } joinedOn leftOn } }
      agreements(first: $first, sort: { field: LAST_RECORDED_AT, direction: DESC }) {
        totalCount
        edges { node { agreementId title kind status openedOn signature { signedOn } counterparts { name country { nameEs } } } }
      }
    }
    entities(filter: { states: $state, level: MUNICIPALITY }, first: 100) @include(if: $isState) {
      edges { node { code name agreementCount } }
    }
  }
`;

const ANY_EVENT = gql`
  subscription EntityActivity($after: Position) {
    registryEvents(after: $after) { cursor }
  }
`;

interface EntityData {
  readonly registryStatus: { readonly position: string | null };
  readonly entity: {
    readonly code: string;
    readonly level: PartyLevel;
    readonly name: string | null;
    readonly inCatalogue: boolean;
    readonly stateCode: string;
    readonly state: { readonly shortName: string } | null;
    readonly agreementCount: number;
    readonly ownAgreementCount: number;
    readonly municipalAgreementCount: number;
    readonly byStatus: readonly { status: AgreementStatus; count: number }[];
    readonly byKind: readonly { kind: AgreementKind; count: number }[];
    readonly byRegion: readonly Count[];
    readonly withoutPriorityRegion: number;
    readonly byTheme: readonly Count[];
    readonly hasProfile: boolean;
    readonly objectives: readonly { objective: string; name: string | null; progress: { level: ProgressLevel; recordedOn: string; note: string | null; recordCount: number } | null }[] | null;
    readonly networks: {
      readonly current: readonly { networkId: string; network: { nameEs: string; acronymEs: string | null } | null; joinedOn: string }[];
      readonly past: readonly { networkId: string; network: { nameEs: string } | null; joinedOn: string; leftOn: string }[];
    } | null;
    readonly agreements: {
      readonly totalCount: number;
      readonly edges: readonly {
        readonly node: {
          agreementId: string;
          title: string;
          kind: AgreementKind;
          status: AgreementStatus;
          openedOn: string;
          signature: { signedOn: string } | null;
          counterparts: readonly { name: string; country: { nameEs: string } | null }[];
        };
      }[];
    };
  } | null;
  readonly entities?: { readonly edges: readonly { readonly node: { code: string; name: string | null; agreementCount: number } }[] };
}

/** Agreements listed at first, and how many more each «Mostrar más» adds (the API's page cap is 100). */
const PAGE_SIZE = 20;
const MAX_LISTED = 100;

const PROGRESS_STEPS: readonly ProgressLevel[] = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'];

const Objectives = ({ objectives }: { readonly objectives: NonNullable<NonNullable<EntityData['entity']>['objectives']> }) => (
  <ol class="objectives">
    {objectives.map((objective, index) => {
      const level = objective.progress?.level;
      const step = level ? PROGRESS_STEPS.indexOf(level) : -1;
      return (
        <li key={objective.objective} class="objective" data-objective={objective.objective} data-level={level ?? 'NONE'}>
          <div class="objective-head">
            <span class="objective-number">{index + 1}</span>
            <span class="objective-name">{objective.name ?? objective.objective}</span>
            <span class={`badge progress-${(level ?? 'none').toLowerCase()}`}>{level ? PROGRESS_LABELS[level] : 'Sin registro'}</span>
          </div>
          <div class="progress-track" role="img" aria-label={`Avance: ${level ? PROGRESS_LABELS[level] : 'sin registro'}`}>
            {/* Two segments: in progress fills the first, achieved both. */}
            {[0, 1].map((segment) => (
              <span key={segment} class={segment < step ? 'progress-segment is-done' : 'progress-segment'} />
            ))}
          </div>
          {objective.progress && (
            <p class="cell-note">
              Último registro: {formatDate(objective.progress.recordedOn)}
              {objective.progress.note ? ` · ${objective.progress.note}` : ''}
            </p>
          )}
        </li>
      );
    })}
  </ol>
);

/** A state's or municipality's portfolio of agreements and its progress on the six objectives. */
export const EntityPage = ({ code }: { readonly code: string }) => {
  const isState = code.length === 2;
  const [listed, setListed] = useState(PAGE_SIZE);
  const result = useQuery<EntityData>(ENTITY, { code, state: [code.slice(0, 2)], isState, first: listed });
  const refresh = useDebounced(result.reload, 800);
  const after = result.data?.registryStatus.position ?? null;
  useSubscription<{ registryEvents: { cursor: string } }>(
    ANY_EVENT,
    after === null ? {} : { after },
    { next: refresh, resumeWith: ({ registryEvents }) => ({ after: registryEvents.cursor }) },
    result.data !== undefined,
  );
  const entity = result.data?.entity ?? undefined;
  const name = entity?.name ?? `Entidad ${code}`;
  useTitle(name);

  const statuses = (entity?.byStatus ?? []).map((row) => ({ label: STATUS_LABELS[row.status], value: row.count }));
  const kinds = (entity?.byKind ?? []).map((row) => ({ label: KIND_LABELS[row.kind], value: row.count }));
  const regions = entity ? [...entity.byRegion.map((row) => ({ label: regionLabel(row.key, row.label), value: row.count })), { label: 'Sin región prioritaria', value: entity.withoutPriorityRegion }] : [];
  const municipalities = (result.data?.entities?.edges ?? []).map(({ node }) => node).filter((node) => node.agreementCount > 0);

  return (
    <div class="page">
      <nav class="breadcrumbs" aria-label="Ruta">
        <ol>
          <li>
            <a href="/">Panorama nacional</a>
          </li>
          {entity && entity.level === 'MUNICIPALITY' && (
            <li>
              <a href={entityPath(entity.stateCode)}>{entity.state?.shortName ?? entity.stateCode}</a>
            </li>
          )}
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <div class="page-heading">
        <p class="eyebrow">{entity ? LEVEL_LABELS[entity.level] : 'Entidad'} · INEGI {code}</p>
        <h1 tabIndex={-1}>{entity ? name : result.loading ? 'Cargando la entidad…' : 'Entidad no encontrada'}</h1>
        {entity && (
          <p class="lede">
            {entity.level === 'STATE'
              ? `${formatNumber(entity.agreementCount)} acuerdos: ${formatNumber(entity.ownAgreementCount)} del gobierno estatal y ${formatNumber(entity.municipalAgreementCount)} de sus municipios.`
              : `${formatNumber(entity.agreementCount)} acuerdos del municipio.`}
          </p>
        )}
      </div>
      <LoadState loading={result.loading && !result.data} error={result.error} what="la entidad" />
      {result.data && !entity && <div class="notice notice-info">El código {code} no es una clave INEGI de entidad o municipio.</div>}
      {entity && (
        <>
          <dl class="kpis" aria-label="Cartera de la entidad">
            <div class="kpi">
              <dt>Acuerdos</dt>
              <dd>
                <span class="kpi-value" data-kpi="agreementCount">
                  {formatNumber(entity.agreementCount)}
                </span>
              </dd>
            </div>
            <div class="kpi">
              <dt>En vigor</dt>
              <dd>
                <span class="kpi-value" data-kpi="inForce">
                  {formatNumber(entity.byStatus.find((row) => row.status === 'IN_FORCE')?.count ?? 0)}
                </span>
              </dd>
            </div>
            <div class="kpi">
              <dt>Objetivos logrados</dt>
              <dd>
                <span class="kpi-value" data-kpi="achieved">
                  {entity.objectives ? `${entity.objectives.filter((objective) => objective.progress?.level === 'ACHIEVED').length} de ${entity.objectives.length}` : '—'}
                </span>
              </dd>
            </div>
            <div class="kpi">
              <dt>Redes de ciudades</dt>
              <dd>
                <span class="kpi-value" data-kpi="networks">
                  {entity.networks ? formatNumber(entity.networks.current.length) : '—'}
                </span>
              </dd>
            </div>
          </dl>
          <div class="grid">
            <Panel id="objetivos" title="Avance en los seis objetivos de la Estrategia Nacional" class="span-7">
              {entity.objectives ? (
                <Objectives objectives={entity.objectives} />
              ) : (
                <p class="muted" data-restricted="objectives">
                  Reservado: el avance en los objetivos y las redes de ciudades se muestran al Congreso, a la SRE, a la administración del Registro y a los enlaces de la
                  propia entidad. Inicie sesión con un token para verlos.
                </p>
              )}
              {entity.networks && entity.networks.current.length > 0 && (
                <>
                  <h3>Redes de ciudades</h3>
                  <ul class="plain">
                    {entity.networks.current.map((membership) => (
                      <li key={membership.networkId}>
                        {membership.network?.nameEs ?? membership.networkId}
                        {membership.network?.acronymEs ? ` (${membership.network.acronymEs})` : ''}
                        <span class="cell-note">desde el {formatDate(membership.joinedOn)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Panel>
            <div class="span-5 stack">
              <Panel id="situacion" title="Situación de sus acuerdos">
                <ChartFigure id="chart-entity-statuses" kind="bar" title="Acuerdos por situación" rows={statuses.filter((row) => row.value > 0)} color="#691c32" />
              </Panel>
              <Panel id="regiones" title="Regiones prioritarias">
                <ChartFigure id="chart-entity-regions" kind="bar" title="Acuerdos por región prioritaria" rows={regions} color="#235b4e" />
              </Panel>
            </div>
            <Panel id="tipos" title="Tipo de instrumento" class="span-6">
              <ChartFigure id="chart-entity-kinds" kind="doughnut" title="Acuerdos por tipo" rows={kinds.filter((row) => row.value > 0)} showTotal />
            </Panel>
            {municipalities.length > 0 && (
              <Panel id="municipios" title="Municipios con acuerdos" class="span-6">
                <ul class="plain columns">
                  {municipalities.map((municipality) => (
                    <li key={municipality.code}>
                      <a href={entityPath(municipality.code)}>{municipality.name ?? municipality.code}</a> <span class="muted">({formatNumber(municipality.agreementCount)})</span>
                    </li>
                  ))}
                </ul>
              </Panel>
            )}
          </div>
          <Panel id="cartera" title={`Cartera de acuerdos (${formatNumber(entity.agreements.totalCount)})`}>
            {entity.agreements.edges.length === 0 ? (
              <p class="muted">Ningún acuerdo visible.</p>
            ) : (
              <table class="data-table" data-table="portfolio">
                <caption class="visually-hidden">Acuerdos de la entidad, los de anotación más reciente primero</caption>
                <thead>
                  <tr>
                    <th scope="col">Acuerdo</th>
                    <th scope="col">Tipo</th>
                    <th scope="col">Contrapartes</th>
                    <th scope="col">Firma</th>
                    <th scope="col">Situación</th>
                  </tr>
                </thead>
                <tbody>
                  {entity.agreements.edges.map(({ node }) => (
                    <tr key={node.agreementId}>
                      <td>
                        <a href={agreementPath(node.agreementId)}>{node.title}</a>
                      </td>
                      <td>{KIND_LABELS[node.kind]}</td>
                      <td>{node.counterparts.map((counterpart) => (counterpart.country ? `${counterpart.name} (${counterpart.country.nameEs})` : counterpart.name)).join('; ')}</td>
                      <td class="nowrap">{formatDate(node.signature?.signedOn)}</td>
                      <td>
                        <StatusBadge status={node.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {entity.agreements.totalCount > entity.agreements.edges.length && (
              <div class="list-more">
                <p class="muted">
                  Se muestran los {formatNumber(entity.agreements.edges.length)} de anotación más reciente, de {formatNumber(entity.agreements.totalCount)}.
                </p>
                {listed < MAX_LISTED && (
                  <button type="button" class="button" disabled={result.loading} onClick={() => setListed((count) => Math.min(MAX_LISTED, count + PAGE_SIZE))}>
                    Mostrar {PAGE_SIZE} más
                  </button>
                )}
              </div>
            )}
          </Panel>
        </>
      )}
    </div>
  );
};
