import type {
  AgreementKind,
  AgreementStatus,
  ApprovalBody,
  CounterpartKind,
  ForceMode,
  MilestoneKind,
  OpinionOutcome,
  PartyLevel,
  ProgressLevel,
  Severity,
  TerminationCause,
} from './types';

/* Spanish names of the registry's values, as the law and DOMAIN.md name them. No DOM here. */

export const KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  TWINNING: 'Hermanamiento',
  COOPERATION_AGREEMENT: 'Acuerdo interinstitucional',
  MEMORANDUM_OF_UNDERSTANDING: 'Memorándum de entendimiento',
  LETTER_OF_INTENT: 'Carta de intención',
  DECLARATORY_TWINNING: 'Hermanamiento declarativo',
};

export const STATUS_LABELS: Readonly<Record<AgreementStatus, string>> = {
  DRAFT: 'Borrador',
  UNDER_SRE_REVIEW: 'En revisión de la SRE',
  OPINION_ISSUED: 'Con dictamen',
  DECLARATORY: 'Declarativo',
  SIGNED: 'Firmado',
  REGISTERED: 'Inscrito en el Registro',
  IN_FORCE: 'En vigor',
  SUSPENDED: 'Suspendido',
  EXPIRED: 'Vencido',
  TERMINATED: 'Terminado',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  LEGAL_BREACH: 'Incumplimiento legal',
  POLICY_MISALIGNMENT: 'Desalineación con la política',
  DATA_QUALITY: 'Calidad de los datos',
};

export const COUNTERPART_KIND_LABELS: Readonly<Record<CounterpartKind, string>> = {
  FOREIGN_NATIONAL_GOVERNMENT: 'Gobierno nacional extranjero',
  FOREIGN_SUBNATIONAL_GOVERNMENT: 'Gobierno subnacional extranjero',
  FOREIGN_LOCAL_GOVERNMENT: 'Gobierno local extranjero',
  INTERNATIONAL_ORGANISATION: 'Organismo internacional',
  PRIVATE: 'Entidad privada',
};

export const OPINION_LABELS: Readonly<Record<OpinionOutcome, string>> = {
  FAVOURABLE: 'Favorable',
  UNFAVOURABLE: 'Desfavorable',
  FAVOURABLE_WITH_OBSERVATIONS: 'Favorable con observaciones',
};

export const FORCE_MODE_LABELS: Readonly<Record<ForceMode, string>> = {
  IN_FORCE: 'Entrada en vigor',
  PROVISIONAL_APPLICATION: 'Aplicación provisional',
};

export const MILESTONE_LABELS: Readonly<Record<MilestoneKind, string>> = {
  VISIT: 'Visita',
  EXCHANGE: 'Intercambio',
  PROJECT: 'Proyecto',
  TRAINING: 'Capacitación',
  TECHNICAL_ASSISTANCE: 'Asistencia técnica',
  REPORT: 'Informe',
  EVENT: 'Evento',
  OTHER: 'Otro',
};

export const PROGRESS_LABELS: Readonly<Record<ProgressLevel, string>> = {
  NOT_STARTED: 'Sin iniciar',
  IN_PROGRESS: 'En proceso',
  ACHIEVED: 'Logrado',
};

export const LEVEL_LABELS: Readonly<Record<PartyLevel, string>> = { STATE: 'Entidad federativa', MUNICIPALITY: 'Municipio' };

export const TERMINATION_LABELS: Readonly<Record<TerminationCause, string>> = {
  DENOUNCED: 'Denuncia',
  MUTUAL_CONSENT: 'Mutuo consentimiento',
  OTHER: 'Otra causa',
};

export const APPROVAL_LABELS: Readonly<Record<ApprovalBody, string>> = { MUNICIPAL_COUNCIL: 'Cabildo', STATE_CONGRESS: 'Congreso local' };

const ROLE_LABELS: Readonly<Record<string, string>> = {
  'sre-legal': 'SRE · Consultoría Jurídica',
  subnational: 'Enlace estatal o municipal',
  parliament: 'Congreso de la Unión',
  admin: 'Administración del Registro',
  system: 'Sistema del Registro',
};
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

/** Event types as `registryEvents` names them (AgreementSigned) and as `history` does (AGREEMENT_SIGNED). */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  AGREEMENT_OPENED: 'Apertura del expediente',
  COUNTERPART_IDENTIFIED: 'Contraparte identificada',
  TEXT_SUBMITTED_TO_SRE: 'Texto enviado a la SRE para dictamen',
  SRE_OPINION_ISSUED: 'Dictamen de la SRE',
  TEXT_REVISED: 'Texto revisado',
  APPROVAL_GRANTED: 'Aprobación de cabildo o congreso local',
  AGREEMENT_SIGNED: 'Firma',
  SIGNED_COPY_FILED: 'Ejemplar firmado archivado',
  AGREEMENT_REGISTERED: 'Inscripción en el Registro',
  AGREEMENT_ENTERED_INTO_FORCE: 'Entrada en vigor o aplicación provisional',
  WORK_PLAN_ADOPTED: 'Programa Operativo Anual adoptado',
  COOPERATION_MILESTONE_RECORDED: 'Hito de cooperación',
  AGREEMENT_AMENDED: 'Modificación',
  AGREEMENT_RENEWED: 'Renovación o prórroga',
  AGREEMENT_SUSPENDED: 'Suspensión',
  AGREEMENT_RESUMED: 'Reanudación',
  AGREEMENT_TERMINATED: 'Terminación',
  FACT_CORRECTED: 'Corrección de un hecho',
  STRATEGY_OBJECTIVE_PROGRESS_RECORDED: 'Avance en un objetivo de la estrategia',
  CITY_NETWORK_JOINED: 'Ingreso a una red de ciudades',
  CITY_NETWORK_LEFT: 'Salida de una red de ciudades',
  POLICY_VERSION_PUBLISHED: 'Nueva versión de la política federal',
};

/** `AgreementSigned` → `AGREEMENT_SIGNED`; enum names pass unchanged. */
const enumName = (type: string): string => (/^[A-Z0-9_]+$/.test(type) ? type : type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase());
export const eventLabel = (type: string): string => EVENT_LABELS[enumName(type)] ?? type;

/** Short names of priority regions whose full name does not fit a chart's axis. */
const REGION_SHORT_NAMES: Readonly<Record<string, string>> = { celac: 'CELAC' };
export const regionLabel = (id: string, label: string | null): string => REGION_SHORT_NAMES[id] ?? label ?? id;
