import type { AgreementKind, Counterpart, MilestoneKind } from '../../agreements/agreementTypes';
import type { ThemeCode } from '../../reference';
import type { Rng } from '../rng';
import type { MexicanEntity } from './mexicanParties';
import { themeLabel } from './themes';

const KIND_TITLES: Readonly<Record<AgreementKind, string>> = {
  twinning: 'Acuerdo de Hermanamiento',
  'declaratory-twinning': 'Declaratoria de Hermanamiento',
  'cooperation-agreement': 'Acuerdo de Cooperación',
  'memorandum-of-understanding': 'Memorándum de Entendimiento',
  'letter-of-intent': 'Carta de Intención',
};

/** How a title or a description names the counterpart: "la Ciudad de Kioto", "Texas", "ONU-Hábitat". */
export const counterpartTitleName = (counterpart: Counterpart): string =>
  counterpart.kind === 'foreign-local-government' ? `la Ciudad de ${counterpart.name}` : counterpart.name;

export const agreementTitle = (kind: AgreementKind, party: MexicanEntity, counterpart: Counterpart, themes: readonly ThemeCode[]): string => {
  const subject = kind === 'twinning' || kind === 'declaratory-twinning' || themes.length === 0 ? '' : ` en materia de ${themeLabel(themes[0] as ThemeCode)}`;
  return `${KIND_TITLES[kind]}${subject} entre ${party.formalName} y ${counterpartTitleName(counterpart)}`;
};

const MILESTONE_TEMPLATES: Readonly<Record<MilestoneKind, readonly string[]>> = {
  visit: ['Visita de una delegación de {counterpart} a {place} sobre {theme}', 'Misión oficial de {place} a {counterpart} en materia de {theme}'],
  exchange: ['Intercambio de funcionarios en materia de {theme}', 'Programa de intercambio de estudiantes y jóvenes con {counterpart}', 'Intercambio de artistas y muestras culturales con {counterpart}'],
  project: ['Proyecto conjunto de {theme} con {counterpart}', 'Proyecto piloto de {theme} en {place}'],
  training: ['Taller de capacitación sobre {theme} impartido por {counterpart}', 'Curso para servidores públicos de {place} sobre {theme}'],
  'technical-assistance': ['Asistencia técnica de {counterpart} en {theme}', 'Diagnóstico técnico de {theme} elaborado con {counterpart}'],
  report: ['Informe anual de actividades del acuerdo con {counterpart}', 'Informe de seguimiento de la comisión mixta con {counterpart}'],
  event: ['Semana cultural de {counterpart} en {place}', 'Foro binacional sobre {theme} en {place}', 'Feria de turismo y gastronomía de {place} en {counterpart}'],
  other: ['Reunión de la comisión de seguimiento del acuerdo con {counterpart}', 'Donación de material bibliográfico de {counterpart} a {place}'],
};

export const milestoneDescription = (rng: Rng, kind: MilestoneKind, input: { counterpart: string; place: string; theme: ThemeCode }): string =>
  rng
    .pick(MILESTONE_TEMPLATES[kind])
    .replace('{counterpart}', input.counterpart)
    .replace('{place}', input.place)
    .replace('{theme}', themeLabel(input.theme));

/** Loan-like wording the art. 117 fr. VIII check looks for: borrowing, payable in foreign currency. */
export const loanDescription = (rng: Rng, counterpart: string, theme: ThemeCode): string =>
  rng.pick([
    `Contratación de préstamo con ${counterpart} para el programa de ${themeLabel(theme)}`,
    `Financiamiento reembolsable de ${counterpart} para obras de ${themeLabel(theme)}`,
    `Línea de financiamiento de ${counterpart} para infraestructura de ${themeLabel(theme)}`,
  ]);

/** Grant wording: an amount from abroad that is no borrowing. */
export const grantDescription = (rng: Rng, counterpart: string, theme: ThemeCode): string =>
  rng.pick([`Aportación no reembolsable de ${counterpart} para ${themeLabel(theme)}`, `Donativo de ${counterpart} para acciones de ${themeLabel(theme)}`]);

export const OBSERVATIONS = [
  'Precisar que las obligaciones se limitan a las atribuciones propias de las partes firmantes.',
  'Eliminar la cláusula de solución de controversias ante tribunales extranjeros.',
  'Ajustar la denominación de las partes y la cláusula de vigencia.',
  'Suprimir compromisos financieros no previstos en el presupuesto aprobado.',
  'Incluir la cláusula de no sujeción al derecho internacional público en materia de responsabilidad.',
] as const;

export const UNFAVOURABLE_REASONS = [
  'El instrumento contiene compromisos que exceden las atribuciones propias de la dependencia firmante.',
  'El texto asume obligaciones en materia reservada a la Federación.',
  'El texto no precisa las obligaciones de las partes ni su vigencia.',
] as const;

export const PRIVATE_COUNTERPART_REASON =
  'La contraparte es una persona moral de derecho privado, no un órgano gubernamental extranjero ni un organismo internacional: el instrumento no es un acuerdo interinstitucional (LCT art. 2 fr. II).';

export const REVISION_SUMMARIES = [
  'Se atendieron las observaciones de la Consultoría Jurídica de la SRE.',
  'Se ajustó la cláusula de vigencia y se precisaron las atribuciones de las partes.',
  'Se eliminaron los compromisos financieros y se simplificó el programa de trabajo.',
] as const;

export const AMENDMENT_SUMMARIES = [
  'Se amplían las áreas de cooperación para incluir nuevos temas.',
  'Se modifica la integración de la comisión de seguimiento.',
  'Se actualizan los enlaces operativos de ambas partes.',
] as const;

export const SUSPENSION_REASONS = [
  'Cambio de administración municipal: revisión de los compromisos internacionales.',
  'Contingencia sanitaria: se suspenden las actividades presenciales.',
  'Falta de respuesta de la contraparte durante el último año.',
] as const;

export const TERMINATION_REASONS = {
  'mutual-consent': ['Las partes acordaron dar por concluido el acuerdo al cumplirse sus objetivos.', 'Terminación anticipada por mutuo consentimiento.'],
  denounced: ['Denuncia notificada por la contraparte por vía diplomática.', 'Denuncia del acuerdo por la parte mexicana tras la revisión de sus compromisos.'],
  other: ['Las partes desistieron de suscribir el instrumento.', 'Se sustituye por un nuevo acuerdo marco.'],
} as const;
