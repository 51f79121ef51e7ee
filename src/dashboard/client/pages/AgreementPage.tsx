import { useState } from 'preact/hooks';
import { gql, type ApiError } from '../api/graphql';
import { ErrorText, Fact, LoadState, Panel, SeverityBadge, StatusBadge } from '../components/common';
import { endOfDayInMexicoCity, formatDate, formatInstant, formatLongDate, todayInMexicoCity } from '../format';
import { useQuery, useSubscription, useTitle } from '../hooks';
import {
  APPROVAL_LABELS,
  COUNTERPART_KIND_LABELS,
  eventLabel,
  FORCE_MODE_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  MILESTONE_LABELS,
  OPINION_LABELS,
  roleLabel,
  TERMINATION_LABELS,
} from '../labels';
import { entityPath } from '../routes';
import type { AgreementKind, AgreementStatus, ApprovalBody, CounterpartKind, ForceMode, MilestoneKind, OpinionOutcome, PartyLevel, Severity, TerminationCause } from '../types';

const AGREEMENT_FIELDS = gql`
  fragment AgreementView on Agreement {
    agreementId kind title objectives status published openedOn submissions knownAt createdRecordedAt lastRecordedAt
    parties { level code agency name stateCode }
    counterparts { kind name country { nameEs } subdivision { code name } organisation { nameEs } }
    themes { code labelEs }
    sdgs { number nameEs }
    validity { startsOn endsOn durationMonths automaticRenewal }
    opinions { opinionNumber outcome issuedOn observations }
    approvals { body entityCode approvedOn reference }
    signature { signedOn place signatories { name title side } }
    registration { registryNumber registeredOn }
    force { mode effectiveOn }
    suspensions { suspendedOn reason resumedOn }
    termination { cause terminatedOn reason }
    renewalCount endsOn correctionCount
    milestones { milestoneId kind occurredOn description corrected }
    findings { findingId rule severity open raisedOn resolvedOn explanation { es } ruleDescription { title { es } } }
    history { eventId type validAt recordedAt actor { id role } revision position }
  }
`;

const AGREEMENT = gql`
  query Agreement($id: ID!) {
    agreement(id: $id) { ...AgreementView }
  }
  ${AGREEMENT_FIELDS}
`;

const AGREEMENT_AS_OF = gql`
  query AgreementAsOf($id: ID!, $instant: DateTime!) {
    registryAsOf(instant: $instant) { agreement(id: $id) { ...AgreementView } }
  }
  ${AGREEMENT_FIELDS}
`;

const AGREEMENT_CHANGED = gql`
  subscription AgreementChanged($id: ID!) {
    agreementChanged(id: $id) { ...AgreementView }
  }
  ${AGREEMENT_FIELDS}
`;

interface AgreementView {
  readonly agreementId: string;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly objectives: readonly string[];
  readonly status: AgreementStatus;
  readonly published: boolean;
  readonly openedOn: string;
  readonly submissions: readonly string[];
  readonly knownAt: string | null;
  readonly createdRecordedAt: string;
  readonly lastRecordedAt: string;
  readonly parties: readonly { level: PartyLevel; code: string; agency: string; name: string | null; stateCode: string }[];
  readonly counterparts: readonly {
    kind: CounterpartKind;
    name: string;
    country: { nameEs: string } | null;
    subdivision: { code: string; name: string | null } | null;
    organisation: { nameEs: string } | null;
  }[];
  readonly themes: readonly { code: string; labelEs: string }[];
  readonly sdgs: readonly { number: number; nameEs: string }[];
  readonly validity: { startsOn: string | null; endsOn: string | null; durationMonths: number | null; automaticRenewal: boolean };
  readonly opinions: readonly { opinionNumber: string; outcome: OpinionOutcome; issuedOn: string; observations: string | null }[];
  readonly approvals: readonly { body: ApprovalBody; entityCode: string; approvedOn: string; reference: string }[];
  readonly signature: { signedOn: string; place: string; signatories: readonly { name: string; title: string; side: string }[] } | null;
  readonly registration: { registryNumber: string; registeredOn: string } | null;
  readonly force: { mode: ForceMode; effectiveOn: string } | null;
  readonly suspensions: readonly { suspendedOn: string; reason: string; resumedOn: string | null }[];
  readonly termination: { cause: TerminationCause; terminatedOn: string; reason: string } | null;
  readonly renewalCount: number;
  readonly endsOn: string | null;
  readonly correctionCount: number;
  readonly milestones: readonly { milestoneId: string; kind: MilestoneKind; occurredOn: string; description: string; corrected: boolean }[];
  readonly findings:
    | readonly { findingId: string; rule: string; severity: Severity; open: boolean; raisedOn: string; resolvedOn: string | null; explanation: { es: string }; ruleDescription: { title: { es: string } } }[]
    | null;
  readonly history: readonly { eventId: string; type: string; validAt: string | null; recordedAt: string; actor: { id: string | null; role: string }; revision: string; position: string }[];
}

const list = (items: readonly string[]): string => (items.length === 0 ? '' : items.join(', '));

const counterpartPlace = (counterpart: AgreementView['counterparts'][number]): string =>
  [counterpart.subdivision?.name, counterpart.country?.nameEs, counterpart.organisation?.nameEs].filter(Boolean).join(', ');

const term = (agreement: AgreementView): string => {
  const { validity } = agreement;
  const parts: string[] = [];
  if (validity.startsOn) parts.push(`desde el ${formatDate(validity.startsOn)}`);
  if (agreement.endsOn) parts.push(`hasta el ${formatDate(agreement.endsOn)}`);
  else if (validity.durationMonths) parts.push(`${validity.durationMonths} meses`);
  else parts.push('indefinida');
  if (validity.automaticRenewal) parts.push('renovación automática');
  return parts.join(', ');
};

/** Milestones shown before the rest are folded away: the most recent. */
const RECENT_MILESTONES = 8;

const MilestoneList = ({ milestones }: { readonly milestones: AgreementView['milestones'] }) => (
  <ol class="plain milestones">
    {milestones.map((milestone) => (
      <li key={milestone.milestoneId}>
        <span class="nowrap">{formatDate(milestone.occurredOn)}</span> · <strong>{MILESTONE_LABELS[milestone.kind]}</strong>
        {milestone.corrected && <span class="tag">corregido</span>}
        <span class="cell-note">{milestone.description}</span>
      </li>
    ))}
  </ol>
);

/** The agreement's facts, findings, milestones and full history, as one view (current or past). */
const AgreementDetail = ({ agreement }: { readonly agreement: AgreementView }) => (
  <>
    <div class="grid">
      <Panel id="datos" title="Expediente" class="span-7">
        <dl class="facts">
          <Fact term="Tipo de instrumento">{KIND_LABELS[agreement.kind]}</Fact>
          <Fact term="Situación">
            <StatusBadge status={agreement.status} />
          </Fact>
          <Fact term="Publicación">{agreement.published ? 'Publicado (inscrito en el Registro)' : 'No publicado'}</Fact>
          <Fact term="Apertura del expediente">{formatDate(agreement.openedOn)}</Fact>
          <Fact term="Envíos a la SRE para dictamen">{list(agreement.submissions.map(formatDate))}</Fact>
          <Fact term="Dictámenes de la SRE">
            {agreement.opinions.length > 0 && (
              <ul class="plain">
                {agreement.opinions.map((opinion) => (
                  <li key={opinion.opinionNumber}>
                    {opinion.opinionNumber}: {OPINION_LABELS[opinion.outcome]}, {formatDate(opinion.issuedOn)}
                    {opinion.observations && <span class="cell-note">Observaciones: {opinion.observations}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <Fact term="Aprobaciones previas">
            {list(agreement.approvals.map((approval) => `${APPROVAL_LABELS[approval.body]} (${approval.reference}), ${formatDate(approval.approvedOn)}`))}
          </Fact>
          <Fact term="Firma">{agreement.signature && `${formatDate(agreement.signature.signedOn)}, ${agreement.signature.place}`}</Fact>
          <Fact term="Inscripción en el Registro">
            {agreement.registration && `Núm. ${agreement.registration.registryNumber}, ${formatDate(agreement.registration.registeredOn)}`}
          </Fact>
          <Fact term="Vigor">{agreement.force && `${FORCE_MODE_LABELS[agreement.force.mode]} desde el ${formatDate(agreement.force.effectiveOn)}`}</Fact>
          <Fact term="Vigencia">{term(agreement)}</Fact>
          <Fact term="Renovaciones y prórrogas">{agreement.renewalCount > 0 ? String(agreement.renewalCount) : 'Ninguna'}</Fact>
          <Fact term="Suspensiones">
            {list(agreement.suspensions.map((suspension) => `${formatDate(suspension.suspendedOn)}${suspension.resumedOn ? ` a ${formatDate(suspension.resumedOn)}` : ' (vigente)'}: ${suspension.reason}`))}
          </Fact>
          <Fact term="Terminación">
            {agreement.termination && `${TERMINATION_LABELS[agreement.termination.cause]}, ${formatDate(agreement.termination.terminatedOn)}: ${agreement.termination.reason}`}
          </Fact>
          <Fact term="Objetivos">{list([...agreement.objectives])}</Fact>
          <Fact term="Temas">{list(agreement.themes.map((theme) => theme.labelEs))}</Fact>
          <Fact term="Objetivos de Desarrollo Sostenible">{list(agreement.sdgs.map((sdg) => `${sdg.number}. ${sdg.nameEs}`))}</Fact>
        </dl>
      </Panel>
      <div class="span-5 stack">
        <Panel id="partes" title="Partes mexicanas">
          <ul class="plain parties">
            {agreement.parties.map((party) => (
              <li key={party.code}>
                <a href={entityPath(party.code)}>{party.name ?? party.code}</a>
                <span class="cell-note">
                  {LEVEL_LABELS[party.level]} · INEGI {party.code} · {party.agency}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="contrapartes" title="Contrapartes extranjeras">
          {agreement.counterparts.length === 0 ? (
            <p class="muted">Aún no se ha identificado ninguna.</p>
          ) : (
            <ul class="plain">
              {agreement.counterparts.map((counterpart, index) => (
                <li key={`${counterpart.name}-${index}`}>
                  <strong>{counterpart.name}</strong>
                  <span class="cell-note">
                    {COUNTERPART_KIND_LABELS[counterpart.kind]}
                    {counterpartPlace(counterpart) && ` · ${counterpartPlace(counterpart)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="hallazgos" title="Hallazgos de auditoría">
          {agreement.findings === null ? (
            <p class="muted">Reservado: los hallazgos se muestran al Congreso, a la SRE, a la administración del Registro y a los enlaces de las entidades parte.</p>
          ) : agreement.findings.length === 0 ? (
            <p class="muted">Sin hallazgos.</p>
          ) : (
            <ul class="plain findings">
              {agreement.findings.map((finding) => (
                <li key={finding.findingId} data-finding={finding.findingId}>
                  <SeverityBadge severity={finding.severity} /> <strong>{finding.ruleDescription.title.es}</strong>
                  <span class="cell-note">
                    {finding.open ? `Abierto desde el ${formatDate(finding.raisedOn)}` : `Resuelto el ${formatDate(finding.resolvedOn)}`}. {finding.explanation.es}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="hitos" title={`Hitos de cooperación (${agreement.milestones.length}), los más recientes primero`}>
          {agreement.milestones.length === 0 ? (
            <p class="muted">Sin hitos registrados.</p>
          ) : (
            <>
              <MilestoneList milestones={[...agreement.milestones].reverse().slice(0, RECENT_MILESTONES)} />
              {agreement.milestones.length > RECENT_MILESTONES && (
                <details class="chart-data">
                  <summary>Ver los {agreement.milestones.length - RECENT_MILESTONES} anteriores</summary>
                  <MilestoneList milestones={[...agreement.milestones].reverse().slice(RECENT_MILESTONES)} />
                </details>
              )}
            </>
          )}
        </Panel>
      </div>
    </div>
    <Panel id="historial" title={`Historial de eventos (${agreement.history.length})`}>
      <p class="muted">
        Cada hecho es un evento inmutable: la fecha jurídica es cuándo ocurrió; el registro, cuándo lo supo el Registro y quién lo asentó. Las correcciones son eventos
        nuevos, nunca ediciones.
      </p>
      <table class="data-table" data-table="history">
        <caption class="visually-hidden">Historial de eventos del acuerdo, del más antiguo al más reciente</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              Núm.
            </th>
            <th scope="col">Evento</th>
            <th scope="col">Fecha jurídica</th>
            <th scope="col">Registrado</th>
            <th scope="col">Registró</th>
          </tr>
        </thead>
        <tbody>
          {agreement.history.map((event) => (
            <tr key={event.eventId} data-event-type={event.type}>
              <td class="num">{Number(event.revision) + 1}</td>
              <td>{eventLabel(event.type)}</td>
              <td class="nowrap">{event.validAt ? formatDate(event.validAt) : '—'}</td>
              <td class="nowrap">
                <time dateTime={event.recordedAt}>{formatInstant(event.recordedAt)}</time>
              </td>
              <td>
                {event.actor.id ?? ''}
                <span class="cell-note">{roleLabel(event.actor.role)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  </>
);

/** One agreement: live while showing the present, or as the registry stood at the end of a chosen day. */
export const AgreementPage = ({ agreementId }: { readonly agreementId: string }) => {
  const current = useQuery<{ agreement: AgreementView | null }>(AGREEMENT, { id: agreementId });
  const [live, setLive] = useState<AgreementView | undefined>(undefined);
  const [liveError, setLiveError] = useState<ApiError | undefined>(undefined);
  useSubscription<{ agreementChanged: AgreementView }>(AGREEMENT_CHANGED, { id: agreementId }, {
    next: (data) => setLive(data.agreementChanged),
    error: setLiveError,
  });
  const present = live ?? current.data?.agreement ?? undefined;

  // What the field holds as it is typed (a year typed digit by digit passes through 0002, 0020…),
  // and the last valid day, the one asked for.
  const [asOfInput, setAsOfInput] = useState('');
  const [asOfDay, setAsOfDay] = useState('');
  const [asOfProblem, setAsOfProblem] = useState<string | undefined>(undefined);
  const instant = asOfDay ? endOfDayInMexicoCity(asOfDay) : undefined;
  // The whole registry as of then (not only the agreement's own stream): its findings as the
  // audit would have raised them then, and visibility as it was then.
  const past = useQuery<{ registryAsOf: { agreement: AgreementView | null } }>(AGREEMENT_AS_OF, { id: agreementId, instant: instant ?? '' }, instant !== undefined);
  // Only what answers the day asked for: the previous day's view is not shown under the new date.
  const pastAnswer = past.fresh ? past.data : undefined;
  const shown = instant ? pastAnswer?.registryAsOf.agreement : present;
  useTitle(present?.title ?? 'Acuerdo');

  const today = todayInMexicoCity();
  const firstDay = present ? todayInMexicoCity(new Date(present.createdRecordedAt)) : undefined;

  return (
    <div class="page">
      <nav class="breadcrumbs" aria-label="Ruta">
        <ol>
          <li>
            <a href="/">Panorama nacional</a>
          </li>
          {present?.parties[0] && (
            <li>
              <a href={entityPath(present.parties[0].code)}>{present.parties[0].name ?? present.parties[0].code}</a>
            </li>
          )}
          <li aria-current="page">Acuerdo</li>
        </ol>
      </nav>
      <div class="page-heading">
        <p class="eyebrow">{present ? KIND_LABELS[present.kind] : 'Acuerdo'}</p>
        <h1 tabIndex={-1}>{present?.title ?? (current.loading ? 'Cargando el acuerdo…' : 'Acuerdo no encontrado')}</h1>
        {present && (
          <p class="lede">
            <StatusBadge status={present.status} /> <span class="muted">Última anotación: {formatInstant(present.lastRecordedAt)} · id {present.agreementId}</span>
          </p>
        )}
      </div>
      <LoadState loading={current.loading && !present} error={current.error} what="el acuerdo" />
      {!current.loading && !current.error && !present && (
        <div class="notice notice-info" role="status">
          No hay un acuerdo con ese identificador, o no es visible para usted: sin sesión solo se muestran los acuerdos publicados.
        </div>
      )}
      {liveError && liveError.code !== 'NOT_FOUND' && !present && (
        <p class="muted">
          <ErrorText error={liveError} />
        </p>
      )}
      {present && (
        <>
          <form class="as-of" aria-label="Consultar el Registro en una fecha pasada" onSubmit={(event) => event.preventDefault()}>
            <div class="field">
              <label for="as-of-day">Registro al</label>
              <input
                id="as-of-day"
                type="date"
                value={asOfInput}
                min={firstDay}
                max={today}
                aria-describedby="as-of-help"
                onChange={(event) => {
                  const input = event.currentTarget;
                  // The field keeps what is typed; only a valid day is asked for (the API would
                  // refuse a day after today, and no file existed before the first).
                  setAsOfInput(input.value);
                  if (!input.validity.valid) return;
                  setAsOfProblem(undefined);
                  setAsOfDay(input.value);
                }}
                onBlur={(event) => {
                  // Said once the reader leaves the field, not at every digit typed.
                  const input = event.currentTarget;
                  setAsOfProblem(input.validity.valid ? undefined : `Elija un día entre el ${firstDay ? formatLongDate(firstDay) : 'primero'} y hoy, ${formatLongDate(today)}.`);
                }}
              />
            </div>
            <button
              type="button"
              class="button"
              disabled={!asOfDay}
              onClick={() => {
                setAsOfDay('');
                setAsOfInput('');
                setAsOfProblem(undefined);
              }}
            >
              Ver la situación actual
            </button>
            <p id="as-of-help" class="muted">
              Elija un día para ver el acuerdo tal como constaba en el Registro al terminar ese día (hora del centro): sin los hechos que se asentaron después.
            </p>
            {asOfProblem && (
              <p class="notice notice-error" role="alert">
                {asOfProblem}
              </p>
            )}
          </form>
          {instant && (
            <div class={`notice ${past.error && !pastAnswer ? 'notice-error' : 'notice-history'}`} role="status" data-as-of={asOfDay}>
              {past.error && !pastAnswer ? (
                <>
                  No se pudo consultar el Registro al {formatLongDate(asOfDay)}. <ErrorText error={past.error} />
                </>
              ) : !pastAnswer ? (
                <>Consultando el Registro al {formatLongDate(asOfDay)}…</>
              ) : shown ? (
                <>
                  <strong>Vista histórica:</strong> así constaba este acuerdo en el Registro al {formatLongDate(asOfDay)} ({shown.history.length} de{' '}
                  {present.history.length} eventos asentados).
                </>
              ) : (
                <>El Registro aún no conocía este acuerdo el {formatLongDate(asOfDay)}.</>
              )}
            </div>
          )}
          {shown && <AgreementDetail agreement={shown} />}
        </>
      )}
    </div>
  );
};
