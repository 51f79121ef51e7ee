import { OPERATION_LIMITS } from './limits';
import { pageOf, paginate, type Page, type PageLimits, type PageRequest } from '../queries/pagination';

/** The Relay arguments every connection field takes. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** At most 100 a page (refused beyond, naming the argument: BAD_USER_INPUT, rule page-size); 20 by default. */
export const API_PAGE_LIMITS: PageLimits = { defaultSize: 20, maxSize: OPERATION_LIMITS.maxPageSize };

/** GraphQL gives null for an explicit null and omits absent arguments; the queries want neither. */
export const pageRequest = (args: ConnectionArgs): PageRequest => ({
  ...(args.first != null ? { first: args.first } : {}),
  ...(args.after != null ? { after: args.after } : {}),
  ...(args.last != null ? { last: args.last } : {}),
  ...(args.before != null ? { before: args.before } : {}),
});

export const connectionOf = <T>(items: readonly T[], args: ConnectionArgs): Page<T> => paginate(items, pageRequest(args), API_PAGE_LIMITS);

/** A connection over a list whose items are built only for the page (ids turned into views, say). */
export const lazyConnectionOf = <T>(totalCount: number, args: ConnectionArgs, itemAt: (index: number) => T): Page<T> =>
  pageOf(totalCount, pageRequest(args), itemAt, API_PAGE_LIMITS);
