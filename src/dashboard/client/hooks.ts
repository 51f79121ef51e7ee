import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Variables } from './api/graphql';
import type { LiveHandlers } from './api/live';
import { useDashboard } from './context';
import { debounceWait } from './timing';

export interface QueryState<Data> {
  /** The latest data; kept while a reload is under way, so live refreshes do not flash. */
  readonly data: Data | undefined;
  /** Whether `data` answers the current variables (not those of an earlier query still shown). */
  readonly fresh: boolean;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** Runs a query now and whenever its variables or the session change; `reload` runs it again. */
export const useQuery = <Data>(document: string, variables: Variables | undefined, enabled = true): QueryState<Data> => {
  const { query, token } = useDashboard();
  const [state, setState] = useState<{ data: Data | undefined; dataKey: string | undefined; error: ApiError | undefined; errorKey: string | undefined; loading: boolean }>({
    data: undefined,
    dataKey: undefined,
    error: undefined,
    errorKey: undefined,
    loading: enabled,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    query<Data>(document, variables).then(
      (data) => current && setState({ data, dataKey: key, error: undefined, errorKey: undefined, loading: false }),
      (error: unknown) =>
        current &&
        setState((previous) => ({ ...previous, error: error instanceof ApiError ? error : new ApiError(String(error), undefined, 0), errorKey: key, loading: false })),
    );
    return () => {
      current = false;
    };
    // Variables are compared by value (key), not identity: callers may pass fresh objects.
  }, [document, key, token, enabled, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // An error answers the variables it was raised for: another query's is not shown under these.
  return { data: state.data, fresh: state.dataKey === key, error: state.errorKey === key ? state.error : undefined, loading: state.loading, reload };
};

/** A live subscription for as long as the component shows (and `enabled` holds). */
export const useSubscription = <Data>(document: string, variables: Variables | undefined, handlers: LiveHandlers<Data>, enabled = true): void => {
  const { live } = useDashboard();
  const latest = useRef(handlers);
  latest.current = handlers;
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (!enabled) return undefined;
    return live.subscribe<Data>(document, variables ?? {}, {
      next: (data) => latest.current.next(data),
      error: (error) => latest.current.error?.(error),
      ...(handlers.resumeWith ? { resumeWith: (data: Data) => latest.current.resumeWith?.(data) ?? {} } : {}),
    });
  }, [live, document, key, enabled]);
};

/**
 * Calls `action` once a burst of calls has paused for `ms`, and at least every `maxWaitMs` while
 * calls keep coming: a steady flow of events anywhere in the registry (an import, a busy day)
 * would otherwise put a page's refresh off for as long as it lasts.
 */
export const useDebounced = (action: () => void, ms: number, maxWaitMs = 4 * ms): (() => void) => {
  const latest = useRef(action);
  latest.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstPending = useRef<number | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    const now = Date.now();
    firstPending.current ??= now;
    const wait = debounceWait(firstPending.current, now, ms, maxWaitMs);
    timer.current = setTimeout(() => {
      firstPending.current = undefined;
      latest.current();
    }, wait);
  }, [ms, maxWaitMs]);
};

/** Sets the document title for the page shown. */
export const useTitle = (title: string): void => {
  useEffect(() => {
    document.title = `${title} · Registro de Acuerdos Interinstitucionales`;
  }, [title]);
};
