import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Variables } from './api/graphql';
import type { LiveHandlers } from './api/live';
import { useDashboard } from './context';

export interface QueryState<Data> {
  /** The latest data; kept while a reload is under way, so live refreshes do not flash. */
  readonly data: Data | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** Runs a query now and whenever its variables or the session change; `reload` runs it again. */
export const useQuery = <Data>(document: string, variables: Variables | undefined, enabled = true): QueryState<Data> => {
  const { query, token } = useDashboard();
  const [state, setState] = useState<{ data: Data | undefined; error: ApiError | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: enabled });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    query<Data>(document, variables).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) =>
        current &&
        setState((previous) => ({ data: previous.data, error: error instanceof ApiError ? error : new ApiError(String(error), undefined, 0), loading: false })),
    );
    return () => {
      current = false;
    };
    // Variables are compared by value (key), not identity: callers may pass fresh objects.
  }, [document, key, token, enabled, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
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

/** Calls `action` at most once per `ms`, after the last of a burst of calls. */
export const useDebounced = (action: () => void, ms: number): (() => void) => {
  const latest = useRef(action);
  latest.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }, [ms]);
};

/** Sets the document title for the page shown. */
export const useTitle = (title: string): void => {
  useEffect(() => {
    document.title = `${title} · Registro de Acuerdos Interinstitucionales`;
  }, [title]);
};
