import type { ComponentChildren } from 'preact';
import { spanishMessage, technicalDetail } from '../api/errorMessages';
import type { ApiError } from '../api/graphql';
import { STATUS_LABELS, SEVERITY_LABELS } from '../labels';
import type { AgreementStatus, Severity } from '../types';

/** An API error in Spanish, with the API's own words folded away as a technical detail. */
export const ErrorText = ({ error }: { readonly error: ApiError }) => {
  const detail = technicalDetail(error);
  return (
    <>
      {spanishMessage(error)}
      {detail && (
        <details class="error-detail">
          <summary>Detalle técnico</summary>
          <span lang="en">{detail}</span>
        </details>
      )}
    </>
  );
};

/** Loading and error states of a section, said in words (and announced politely). */
export const LoadState = ({ loading, error, what }: { readonly loading: boolean; readonly error: ApiError | undefined; readonly what: string }) => {
  if (error) {
    return (
      <div class="notice notice-error" role="alert">
        <strong>No se pudo cargar {what}.</strong> <ErrorText error={error} />
      </div>
    );
  }
  if (loading) {
    return (
      <p class="muted" role="status">
        Cargando {what}…
      </p>
    );
  }
  return null;
};

export const StatusBadge = ({ status }: { readonly status: AgreementStatus }) => <span class={`badge status-${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;

export const SeverityBadge = ({ severity }: { readonly severity: Severity }) => (
  <span class={`badge severity-${severity.toLowerCase()}`}>{SEVERITY_LABELS[severity]}</span>
);

export const Panel = ({ id, title, children, actions, class: className }: { readonly id: string; readonly title: string; readonly children: ComponentChildren; readonly actions?: ComponentChildren; readonly class?: string }) => (
  <section class={`panel ${className ?? ''}`} aria-labelledby={`${id}-heading`}>
    <header class="panel-header">
      <h2 id={`${id}-heading`}>{title}</h2>
      {actions}
    </header>
    {children}
  </section>
);

/** A definition list row that says "—" when there is nothing to say. */
export const Fact = ({ term, children }: { readonly term: string; readonly children: ComponentChildren }) => (
  <div class="fact">
    <dt>{term}</dt>
    <dd>{children === null || children === undefined || children === '' ? '—' : children}</dd>
  </div>
);
