import type { ApiError } from './graphql';

/**
 * What an API error means to the dashboard's readers, in Spanish. The API speaks English to
 * developers; its own words are kept as a technical detail (see ErrorDetail).
 */
const BY_CODE: Readonly<Record<string, string>> = {
  NOT_FOUND: 'No existe, o no es visible para usted: sin sesión solo se muestran los acuerdos publicados (las sesiones valen por pestaña).',
  BAD_USER_INPUT: 'La consulta lleva un dato no válido.',
  GRAPHQL_VALIDATION_FAILED: 'La consulta lleva un dato no válido.',
  UNAUTHENTICATED: 'La sesión no es válida o ya venció.',
  FORBIDDEN: 'Su sesión no da acceso a esta información.',
  UNAVAILABLE: 'El servidor está ocupado con otras consultas históricas: intente de nuevo en unos segundos.',
  RATE_LIMITED: 'Demasiadas consultas seguidas: espere unos segundos.',
  INTERNAL_SERVER_ERROR: 'Error interno del servidor del Registro.',
};

/** The reader's sentence for `error`; network failures are already said in Spanish by postGraphQL. */
export const spanishMessage = (error: ApiError): string => {
  if (error.code !== undefined && BY_CODE[error.code] !== undefined) return BY_CODE[error.code] as string;
  return error.status === 0 || error.code === undefined ? error.message : 'El servidor del Registro respondió con un error.';
};

/** The API's own words, when they are not what the reader was already told. */
export const technicalDetail = (error: ApiError): string | undefined => (spanishMessage(error) === error.message ? undefined : error.message);
