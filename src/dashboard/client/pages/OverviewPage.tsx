import { useMemo, useState } from 'preact/hooks';
import { gql } from '../api/graphql';
import { ChartFigure } from '../components/ChartFigure';
import { LoadState, Panel } from '../components/common';
import { LiveFeed } from '../components/LiveFeed';
import { MexicoMap } from '../components/MexicoMap';
import { formatDate, formatNumber } from '../format';
import { useQuery, useSubscription, useTitle } from '../hooks';
import { KIND_LABELS, regionLabel, STATUS_LABELS } from '../labels';
import type { RegistryStatistics, VisibilityScope } from '../types';

const STATISTICS_FIELDS = gql`
  fragment Figures on RegistryStatistics {
    asOf
    position
    scope
    total
    signed
    byState { key label count }
    byRegion { key label count }
    withoutPriorityRegion
    byTheme { key label count }
    byKind { kind count }
    byStatus { status count }
    bySignatureYear { key label count }
  }
`;

const OVERVIEW = gql`
  query Overview {
    statistics { ...Figures }
    states { code shortName }
  }
  ${STATISTICS_FIELDS}
`;

const STATISTICS_CHANGED = gql`
  subscription StatisticsChanged {
    statisticsChanged { ...Figures }
  }
  ${STATISTICS_FIELDS}
`;

const SCOPE_TEXT: Readonly<Record<VisibilityScope, string>> = {
  ALL: 'Todos los acuerdos del Registro, publicados o no.',
  PUBLISHED: 'Solo acuerdos publicados (inscritos en el Registro). Inicie sesión para ver también los expedientes en trámite.',
  PUBLISHED_AND_OWN: 'Acuerdos publicados y todos los de sus propias entidades.',
};

const Kpi = ({ id, label, value, detail }: { readonly id: string; readonly label: string; readonly value: number; readonly detail?: string }) => (
  <div class="kpi">
    <dt>{label}</dt>
    <dd>
      <span class="kpi-value" data-kpi={id}>
        {formatNumber(value)}
      </span>
      {detail && <span class="kpi-detail">{detail}</span>}
    </dd>
  </div>
);

/** National overview: the registry's figures, a map, breakdowns and the live feed of events. */
export const OverviewPage = () => {
  useTitle('Panorama nacional');
  const initial = useQuery<{ statistics: RegistryStatistics; states: { code: string; shortName: string }[] }>(OVERVIEW, undefined);
  const [live, setLive] = useState<RegistryStatistics | undefined>(undefined);
  useSubscription<{ statisticsChanged: RegistryStatistics }>(STATISTICS_CHANGED, undefined, { next: (data) => setLive(data.statisticsChanged) });
  // The subscription's figures replace the query's as soon as they arrive (and whenever they change).
  const statistics = live ?? initial.data?.statistics;
  const names = useMemo(() => new Map((initial.data?.states ?? []).map((state) => [state.code, state.shortName])), [initial.data]);

  const figures = useMemo(() => {
    if (!statistics) return undefined;
    const status = (key: string) => statistics.byStatus.find((row) => row.status === key)?.count ?? 0;
    return {
      byState: new Map(statistics.byState.map((row) => [row.key, row.count])),
      inForce: status('IN_FORCE'),
      regions: [...statistics.byRegion.map((row) => ({ label: regionLabel(row.key, row.label), value: row.count })), { label: 'Sin región prioritaria', value: statistics.withoutPriorityRegion }],
      themes: statistics.byTheme.map((row) => ({ label: row.label ?? row.key, value: row.count })).sort((a, b) => b.value - a.value),
      kinds: statistics.byKind.map((row) => ({ label: KIND_LABELS[row.kind], value: row.count })),
      statuses: statistics.byStatus.map((row) => ({ label: STATUS_LABELS[row.status], value: row.count })),
      years: statistics.bySignatureYear.map((row) => ({ label: row.key, value: row.count })).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }, [statistics]);

  return (
    <div class="page">
      <div class="page-heading">
        <p class="eyebrow">Panorama nacional</p>
        <h1 tabIndex={-1}>Acuerdos interinstitucionales de estados y municipios</h1>
        {statistics && (
          <p class="lede" data-scope={statistics.scope}>
            Cifras al {formatDate(statistics.asOf)}. {SCOPE_TEXT[statistics.scope]}
          </p>
        )}
      </div>
      <LoadState loading={!statistics && initial.loading} error={statistics ? undefined : initial.error} what="las cifras del Registro" />
      {statistics && figures && (
        <>
          <dl class="kpis" aria-label="Cifras principales">
            <Kpi id="total" label="Acuerdos" value={statistics.total} detail="expedientes contados" />
            <Kpi id="signed" label="Firmados" value={statistics.signed} detail="con firma registrada" />
            <Kpi id="inForce" label="En vigor" value={figures.inForce} detail="situación «En vigor» hoy" />
            <Kpi id="withoutPriorityRegion" label="Sin región prioritaria" value={statistics.withoutPriorityRegion} detail="fuera de las regiones de la política" />
          </dl>
          <div class="grid grid-main">
            <Panel id="mapa" title="Distribución territorial" class="span-8">
              <MexicoMap id="map-states" counts={figures.byState} names={names} unit={{ one: 'acuerdo', many: 'acuerdos' }} caption="Acuerdos por entidad federativa (incluye los de sus municipios)" />
            </Panel>
            <Panel id="actividad" title="Actividad reciente del Registro" class="span-4">
              <LiveFeed />
            </Panel>
          </div>
          <div class="grid">
            <Panel id="regiones" title="Regiones prioritarias" class="span-6">
              <ChartFigure id="chart-regions" kind="bar" title="Acuerdos por región prioritaria de la política federal" rows={figures.regions} color="#235b4e" note="Un acuerdo cuenta en cada región donde tiene una contraparte." />
            </Panel>
            <Panel id="temas" title="Temas de cooperación" class="span-6">
              <ChartFigure id="chart-themes" kind="bar" title="Acuerdos por tema de cooperación" rows={figures.themes} limit={10} note="Un acuerdo puede tratar varios temas." />
            </Panel>
            <Panel id="tipos" title="Tipo de instrumento" class="span-4">
              <ChartFigure id="chart-kinds" kind="doughnut" title="Acuerdos por tipo" rows={figures.kinds} showTotal />
            </Panel>
            <Panel id="estados" title="Situación actual" class="span-4">
              <ChartFigure id="chart-statuses" kind="bar" title="Acuerdos por situación" rows={figures.statuses} color="#691c32" showTotal />
            </Panel>
            <Panel id="anios" title="Firmas por año" class="span-4">
              <ChartFigure id="chart-years" kind="columns" title="Acuerdos firmados por año" rows={figures.years} color="#bc955c" />
            </Panel>
          </div>
        </>
      )}
    </div>
  );
};
