import { useMemo, useRef, useState } from 'preact/hooks';
import { gql } from '../api/graphql';
import { ChartFigure } from '../components/ChartFigure';
import { LoadState, Panel, SeverityBadge } from '../components/common';
import { useDashboard } from '../context';
import { formatDate, formatNumber } from '../format';
import { useDebounced, useQuery, useSubscription, useTitle } from '../hooks';
import { SEVERITY_LABELS } from '../labels';
import { agreementPath } from '../routes';
import type { Severity } from '../types';

const AUDIT = gql`
  query Audit($summaryFilter: AuditFindingFilter, $listFilter: AuditFindingFilter, $first: Int) {
    auditRules { rule severity heuristic title { es } basis }
    auditSummary(filter: $summaryFilter) {
      asOf total open resolved
      byRule { rule severity count open }
      bySeverity { severity count open }
    }
    auditFindings(filter: $listFilter, first: $first) {
      totalCount
      edges {
        node {
          findingId rule severity heuristic agreementId raisedOn resolvedOn open
          explanation { es }
          agreement { title parties { code name } }
        }
      }
    }
    states { code shortName }
  }
`;

const FINDINGS_CHANGED = gql`
  subscription FindingsChanged($filter: FindingsChangedFilter) {
    findingsChanged(filter: $filter) { asOf position resync open raised { findingId } resolved { findingId } withdrawn }
  }
`;

interface AuditData {
  readonly auditRules: readonly { rule: string; severity: Severity; heuristic: boolean; title: { es: string }; basis: string }[];
  readonly auditSummary: {
    readonly asOf: string;
    readonly total: number;
    readonly open: number;
    readonly resolved: number;
    readonly byRule: readonly { rule: string; severity: Severity; count: number; open: number }[];
    readonly bySeverity: readonly { severity: Severity; count: number; open: number }[];
  };
  readonly auditFindings: {
    readonly totalCount: number;
    readonly edges: readonly {
      readonly node: {
        findingId: string;
        rule: string;
        severity: Severity;
        heuristic: boolean;
        agreementId: string;
        raisedOn: string;
        resolvedOn: string | null;
        open: boolean;
        explanation: { es: string };
        agreement: { title: string; parties: readonly { code: string; name: string | null }[] } | null;
      };
    }[];
  };
  readonly states: readonly { code: string; shortName: string }[];
}

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { LEGAL_BREACH: '#9f2241', POLICY_MISALIGNMENT: '#a57f2c', DATA_QUALITY: '#6f7271' };

type OpenFilter = 'open' | 'resolved' | 'all';
/** Findings listed at first, and how many more each «Mostrar más» adds (the API's page cap is 100). */
const PAGE_SIZE = 20;
const MAX_LISTED = 100;

/** A state's INEGI code, 01 to 32. */
const STATE_CODE = /^(?:0[1-9]|[12]\d|3[0-2])$/;

const readFilters = (): { state: string; severity: Severity | ''; open: OpenFilter } => {
  const params = new URLSearchParams(window.location.search);
  const severity = params.get('gravedad') ?? '';
  const open = params.get('situacion') ?? 'open';
  return {
    state: STATE_CODE.test(params.get('entidad') ?? '') ? (params.get('entidad') as string) : '',
    severity: severity in SEVERITY_LABELS ? (severity as Severity) : '',
    open: open === 'resolved' || open === 'all' ? open : 'open',
  };
};

const NeedsToken = () => (
  <div class="notice notice-info" data-needs-token>
    <h2>La auditoría requiere una sesión</h2>
    <p>
      Los hallazgos de la auditoría (incumplimientos de la Ley sobre la Celebración de Tratados y del artículo 117 constitucional, desalineación con la política federal y
      problemas de calidad de los datos) son información reservada. Los consultan el Congreso de la Unión, la Consultoría Jurídica de la SRE, la administración del Registro
      y, para sus propios acuerdos, los enlaces estatales y municipales.
    </p>
    <p>
      Para entrar, abra el enlace con token que imprime <code>npm start</code>, o genere uno con <code>npm run token -- --role parliament</code> y abra{' '}
      <code>/#token=&lt;token&gt;</code>.
    </p>
  </div>
);

/** Audit findings by rule and severity, filterable by state, each linked to its agreement. */
export const AuditPage = () => {
  useTitle('Auditoría');
  const { viewer } = useDashboard();
  const [filters, setFilters] = useState(readFilters);
  const [listed, setListed] = useState(PAGE_SIZE);
  const update = (change: Partial<typeof filters>) => {
    const next = { ...filters, ...change };
    setFilters(next);
    setListed(PAGE_SIZE);
    const params = new URLSearchParams();
    if (next.state) params.set('entidad', next.state);
    if (next.severity) params.set('gravedad', next.severity);
    if (next.open !== 'open') params.set('situacion', next.open);
    const search = params.toString();
    window.history.replaceState(window.history.state, '', `/auditoria${search ? `?${search}` : ''}`);
  };

  const summaryFilter = { ...(filters.state ? { states: [filters.state] } : {}), ...(filters.severity ? { severities: [filters.severity] } : {}) };
  const listFilter = { ...summaryFilter, ...(filters.open === 'all' ? {} : { open: filters.open === 'open' }) };
  const audit = useQuery<AuditData>(AUDIT, { summaryFilter, listFilter, first: listed }, viewer !== null);
  const refresh = useDebounced(audit.reload, 300);
  const filterKey = JSON.stringify(summaryFilter);
  const followed = useRef<string | undefined>(undefined);
  const [lastUpdate, setLastUpdate] = useState<{ open: number; changed: number } | undefined>(undefined);
  useSubscription<{ findingsChanged: { resync: boolean; open: number; raised: unknown[]; resolved: unknown[]; withdrawn: unknown[] } }>(
    FINDINGS_CHANGED,
    { filter: summaryFilter },
    {
      next: ({ findingsChanged: update }) => {
        // The first update of each subscription is a resync the query already matches; a later
        // resync (too many changes for one update) or any delta means the lists must be re-read.
        if (update.resync && followed.current !== filterKey) {
          followed.current = filterKey;
          setLastUpdate({ open: update.open, changed: 0 });
          return;
        }
        setLastUpdate((previous) => ({ open: update.open, changed: (previous?.changed ?? 0) + update.raised.length + update.resolved.length + update.withdrawn.length }));
        refresh();
      },
    },
    viewer !== null,
  );

  const titles = useMemo(() => new Map((audit.data?.auditRules ?? []).map((rule) => [rule.rule, rule.title.es])), [audit.data]);
  const data = audit.data;
  const maxOpen = Math.max(1, ...(data?.auditSummary.byRule.map((row) => row.open) ?? []));

  return (
    <div class="page">
      <div class="page-heading">
        <p class="eyebrow">Auditoría mecánica</p>
        <h1 tabIndex={-1}>Hallazgos de legalidad y alineación con la política</h1>
        <p class="lede">
          Cada regla contrasta los hechos registrados de un acuerdo con la LCT, el artículo 117 constitucional y la política federal vigente a su firma. Los plazos se
          juzgan con la fecha de hoy en la Ciudad de México.
        </p>
      </div>
      {viewer === null ? (
        <NeedsToken />
      ) : (
        <>
          <form class="filters" aria-label="Filtros de hallazgos" onSubmit={(event) => event.preventDefault()}>
            <div class="field">
              <label for="filter-state">Entidad federativa</label>
              <select id="filter-state" value={filters.state} onChange={(event) => update({ state: event.currentTarget.value })}>
                <option value="">Todas las entidades</option>
                {(data?.states ?? []).map((state) => (
                  <option key={state.code} value={state.code}>
                    {state.shortName}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-severity">Gravedad</label>
              <select id="filter-severity" value={filters.severity} onChange={(event) => update({ severity: event.currentTarget.value as Severity | '' })}>
                <option value="">Todas</option>
                {(Object.keys(SEVERITY_LABELS) as Severity[]).map((severity) => (
                  <option key={severity} value={severity}>
                    {SEVERITY_LABELS[severity]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-open">Situación del hallazgo</label>
              <select id="filter-open" value={filters.open} onChange={(event) => update({ open: event.currentTarget.value as OpenFilter })}>
                <option value="open">Abiertos</option>
                <option value="resolved">Resueltos</option>
                <option value="all">Todos</option>
              </select>
            </div>
            <p class="filters-live muted" role="status" data-open={lastUpdate ? String(lastUpdate.open) : undefined}>
              {lastUpdate ? `En vivo: ${formatNumber(lastUpdate.open)} abiertos${lastUpdate.changed ? `, ${formatNumber(lastUpdate.changed)} cambios recibidos` : ''}.` : ''}
            </p>
          </form>
          <LoadState loading={!data && audit.loading} error={audit.error} what="los hallazgos" />
          {data && (
            <>
              <dl class="kpis" aria-label="Hallazgos por gravedad">
                <div class="kpi">
                  <dt>Hallazgos abiertos</dt>
                  <dd>
                    <span class="kpi-value" data-kpi="open">
                      {formatNumber(data.auditSummary.open)}
                    </span>
                    <span class="kpi-detail">de {formatNumber(data.auditSummary.total)} detectados</span>
                  </dd>
                </div>
                {data.auditSummary.bySeverity.map((row) => (
                  <div class={`kpi kpi-${row.severity.toLowerCase()}`} key={row.severity}>
                    <dt>{SEVERITY_LABELS[row.severity]}</dt>
                    <dd>
                      <span class="kpi-value" data-kpi={row.severity}>
                        {formatNumber(row.open)}
                      </span>
                      <span class="kpi-detail">abiertos · {formatNumber(row.count - row.open)} resueltos</span>
                    </dd>
                  </div>
                ))}
              </dl>
              <div class="grid">
                <Panel id="por-gravedad" title="Abiertos por gravedad" class="span-4">
                  <ChartFigure
                    id="chart-severities"
                    kind="doughnut"
                    valueLabel="Abiertos"
                    title="Hallazgos abiertos por gravedad"
                    rows={data.auditSummary.bySeverity.map((row) => ({ label: SEVERITY_LABELS[row.severity], value: row.open }))}
                    colors={data.auditSummary.bySeverity.map((row) => SEVERITY_COLORS[row.severity])}
                    showTotal
                  />
                </Panel>
                <Panel id="por-regla" title="Hallazgos por regla" class="span-8">
                  <table class="data-table rules-table" data-table="rules">
                    <caption class="visually-hidden">Reglas de auditoría: gravedad, fundamento y hallazgos abiertos y totales</caption>
                    <thead>
                      <tr>
                        <th scope="col">Regla y fundamento</th>
                        <th scope="col">Gravedad</th>
                        <th scope="col" class="num">
                          Abiertos
                        </th>
                        <th scope="col" class="num">
                          Total
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.auditSummary.byRule.map((row) => {
                        const rule = data.auditRules.find((candidate) => candidate.rule === row.rule);
                        return (
                          <tr key={row.rule} data-rule={row.rule}>
                            <th scope="row">
                              {titles.get(row.rule) ?? row.rule}
                              {rule?.heuristic && <span class="tag">indicio</span>}
                              <span class="cell-note">{rule?.basis ?? ''}</span>
                            </th>
                            <td>
                              <SeverityBadge severity={row.severity} />
                            </td>
                            <td class="num bar-cell" data-value={String(row.open)}>
                              <span class="bar-value">{formatNumber(row.open)}</span>
                              <span class="bar" aria-hidden="true">
                                <span class={`bar-fill severity-${row.severity.toLowerCase()}`} style={{ width: `${(100 * row.open) / maxOpen}%` }} />
                              </span>
                            </td>
                            <td class="num">{formatNumber(row.count)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </Panel>
                <Panel id="hallazgos" title={`Hallazgos (${formatNumber(data.auditFindings.totalCount)})`} class="span-12">
                  {data.auditFindings.edges.length === 0 ? (
                    <p class="muted">Ningún hallazgo con estos filtros.</p>
                  ) : (
                    <table class="data-table" data-table="findings">
                      <caption class="visually-hidden">Hallazgos de auditoría, los más recientes primero</caption>
                      <thead>
                        <tr>
                          <th scope="col">Acuerdo</th>
                          <th scope="col">Regla y explicación</th>
                          <th scope="col">Gravedad</th>
                          <th scope="col">Desde</th>
                          <th scope="col">Situación</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.auditFindings.edges.map(({ node }) => (
                          <tr key={node.findingId} data-finding={node.findingId}>
                            <td>
                              <a href={agreementPath(node.agreementId)}>{node.agreement?.title ?? 'Acuerdo'}</a>
                              <span class="cell-note">{node.agreement?.parties.map((party) => party.name ?? party.code).join(', ')}</span>
                            </td>
                            <td>
                              <strong>{titles.get(node.rule) ?? node.rule}</strong>
                              <span class="cell-note">{node.explanation.es}</span>
                            </td>
                            <td>
                              <SeverityBadge severity={node.severity} />
                            </td>
                            <td class="nowrap">{formatDate(node.raisedOn)}</td>
                            <td class="nowrap">{node.open ? <span class="badge finding-open">Abierto</span> : <span class="badge finding-resolved">Resuelto el {formatDate(node.resolvedOn)}</span>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {data.auditFindings.totalCount > data.auditFindings.edges.length && (
                    <div class="list-more">
                      <p class="muted">
                        Se muestran los {formatNumber(data.auditFindings.edges.length)} más recientes de {formatNumber(data.auditFindings.totalCount)}.
                        {listed >= MAX_LISTED ? ' Filtre por entidad o gravedad para acotar la lista.' : ''}
                      </p>
                      {listed < MAX_LISTED && (
                        <button type="button" class="button" disabled={audit.loading} onClick={() => setListed((count) => Math.min(MAX_LISTED, count + PAGE_SIZE))}>
                          Mostrar {PAGE_SIZE} más
                        </button>
                      )}
                    </div>
                  )}
                </Panel>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
};
