/**
 * The dashboard's pages and their paths. Shared by the browser (client-side navigation) and the
 * server (which answers exactly these paths with the page shell), so the two never disagree.
 * No DOM here: the server compiles this file too.
 */
export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'audit' }
  | { readonly page: 'agreement'; readonly agreementId: string }
  | { readonly page: 'entity'; readonly code: string };

const AGREEMENT_PATH = /^\/acuerdos\/([^/]{1,100})\/?$/;
/** A state's INEGI code (01 to 32), then three digits for a municipality. */
const ENTITY_PATH = /^\/entidades\/((?:0[1-9]|[12]\d|3[0-2])(?:\d{3})?)\/?$/;

/** The page a path shows, or undefined when the path is not one of the dashboard's. */
export const matchRoute = (pathname: string): Route | undefined => {
  if (pathname === '/') return { page: 'overview' };
  if (pathname === '/auditoria' || pathname === '/auditoria/') return { page: 'audit' };
  const agreement = AGREEMENT_PATH.exec(pathname);
  if (agreement?.[1]) {
    let agreementId: string;
    try {
      agreementId = decodeURIComponent(agreement[1]);
    } catch {
      return undefined;
    }
    return { page: 'agreement', agreementId };
  }
  const entity = ENTITY_PATH.exec(pathname);
  if (entity?.[1]) return { page: 'entity', code: entity[1] };
  return undefined;
};

export const pathOf = (route: Route): string => {
  switch (route.page) {
    case 'overview':
      return '/';
    case 'audit':
      return '/auditoria';
    case 'agreement':
      return `/acuerdos/${encodeURIComponent(route.agreementId)}`;
    case 'entity':
      return `/entidades/${route.code}`;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
};

export const agreementPath = (agreementId: string): string => pathOf({ page: 'agreement', agreementId });
export const entityPath = (code: string): string => pathOf({ page: 'entity', code });
