import { InvalidInputError } from '../shared/errors';

/**
 * Relay-style cursor pagination over a list whose order the caller fixes. Cursors are opaque to
 * clients but are offsets underneath: cheap, and stable as long as the list does not change; a
 * cursor taken before new events may skip or repeat an item, which a live registry accepts.
 */
export interface PageRequest {
  readonly first?: number;
  readonly after?: string;
  readonly last?: number;
  readonly before?: string;
}

export interface PageInfo {
  /** Items exist after the last one returned (whatever the direction of paging). */
  readonly hasNextPage: boolean;
  /** Items exist before the first one returned. */
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

export interface Page<T> {
  readonly edges: readonly Edge<T>[];
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
}

export interface PageLimits {
  /** Page size when neither `first` nor `last` is given. */
  readonly defaultSize: number;
  readonly maxSize: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { defaultSize: 20, maxSize: 500 };

const CURSOR_PREFIX = 'offset:';

export const encodeCursor = (offset: number): string => Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');

export const decodeCursor = (cursor: string, path: string): number => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,15}$/.test(digits)) {
    throw InvalidInputError.of(path, 'cursor-invalid', `${JSON.stringify(cursor)} is not a cursor of this list: pass a cursor from a previous page's edges or pageInfo.`);
  }
  return Number(digits);
};

const checkSize = (value: number | undefined, path: string, limits: PageLimits): void => {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > limits.maxSize) {
    throw InvalidInputError.of(path, 'page-size', `must be a whole number from 0 to ${limits.maxSize}; got ${value}.`);
  }
};

export interface PageWindow {
  /** First index returned (inclusive). */
  readonly start: number;
  /** Index after the last one returned (exclusive). */
  readonly end: number;
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/**
 * Which indexes of a list of `totalCount` items a request selects: `after`/`before` narrow the
 * list, then `first` keeps the start of what remains or `last` its end (both may be given).
 */
export const pageWindow = (totalCount: number, request: PageRequest, limits: PageLimits = DEFAULT_PAGE_LIMITS): PageWindow => {
  checkSize(request.first, 'first', limits);
  checkSize(request.last, 'last', limits);
  let start = 0;
  let end = totalCount;
  if (request.after !== undefined) start = Math.min(totalCount, decodeCursor(request.after, 'after') + 1);
  if (request.before !== undefined) end = Math.min(end, decodeCursor(request.before, 'before'));
  if (end < start) end = start;
  if (request.first !== undefined) end = Math.min(end, start + request.first);
  if (request.last !== undefined) start = Math.max(start, end - request.last);
  if (request.first === undefined && request.last === undefined) end = Math.min(end, start + limits.defaultSize);
  return { start, end, totalCount, hasNextPage: end < totalCount, hasPreviousPage: start > 0 };
};

/** A page of a virtual list: only the selected items are built. */
export const pageOf = <T>(totalCount: number, request: PageRequest, itemAt: (index: number) => T, limits?: PageLimits): Page<T> => {
  const window = pageWindow(totalCount, request, limits);
  const edges: Edge<T>[] = [];
  for (let index = window.start; index < window.end; index += 1) edges.push({ node: itemAt(index), cursor: encodeCursor(index) });
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: window.hasNextPage,
      hasPreviousPage: window.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
};

export const paginate = <T>(items: readonly T[], request: PageRequest, limits?: PageLimits): Page<T> =>
  pageOf(items.length, request, (index) => items[index] as T, limits);
