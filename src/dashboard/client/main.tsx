import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { spanishMessage } from './api/errorMessages';
import { ApiError, gql, postGraphQL, type Variables } from './api/graphql';
import { LiveConnection } from './api/live';
import { Layout } from './components/Layout';
import { DashboardContext, type Dashboard } from './context';
import { AgreementPage } from './pages/AgreementPage';
import { AuditPage } from './pages/AuditPage';
import { EntityPage } from './pages/EntityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { matchRoute, type Route } from './routes';
import { adoptTokenFromAddress, forgetToken, storedToken } from './session';
import './styles.css';
import type { Viewer } from './types';

const WHO_AM_I = gql`
  mutation WhoAmI {
    whoAmI {
      id
      role
      entities
    }
  }
`;

type Session =
  | { readonly state: 'checking'; readonly token: string }
  | { readonly state: 'ready'; readonly token: string | undefined; readonly viewer: Viewer | null; readonly notice?: string };

const initialSession = (): Session => {
  const token = storedToken();
  return token ? { state: 'checking', token } : { state: 'ready', token: undefined, viewer: null };
};

/** Follows the address: the page for the current path, client-side navigation, and how many there were. */
const useRoute = (): [Route | undefined, (path: string) => void, number] => {
  const [state, setState] = useState(() => ({ route: matchRoute(window.location.pathname), navigations: 0 }));
  useEffect(() => {
    const onPop = () => setState((previous) => ({ route: matchRoute(window.location.pathname), navigations: previous.navigations + 1 }));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((path: string) => {
    const url = new URL(path, window.location.href);
    window.history.pushState(null, '', `${url.pathname}${url.search}`);
    setState((previous) => ({ route: matchRoute(url.pathname), navigations: previous.navigations + 1 }));
    window.scrollTo(0, 0);
  }, []);
  return [state.route, navigate, state.navigations];
};

/** Plain links to the dashboard's own pages navigate without reloading (HTML and SVG `<a>` alike). */
const useLinkInterception = (navigate: (path: string) => void): void => {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      const href = anchor?.getAttribute('href');
      if (!anchor || !href || anchor.getAttribute('target') || anchor.hasAttribute('download')) return;
      const url = new URL(href, window.location.href);
      if (url.origin !== window.location.origin || !matchRoute(url.pathname)) return;
      if (url.pathname === window.location.pathname && url.hash) return;
      event.preventDefault();
      navigate(`${url.pathname}${url.search}`);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate]);
};

const Page = ({ route }: { readonly route: Route | undefined }) => {
  if (!route) return <NotFoundPage />;
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'audit':
      return <AuditPage />;
    case 'agreement':
      return <AgreementPage key={route.agreementId} agreementId={route.agreementId} />;
    case 'entity':
      return <EntityPage key={route.code} code={route.code} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
};

const App = () => {
  const [session, setSession] = useState<Session>(initialSession);
  const [route, navigate, navigations] = useRoute();
  useLinkInterception(navigate);

  // A stored token is checked once with the server: an expired or foreign token is dropped with
  // a word of explanation, and the dashboard carries on as the public would see it.
  useEffect(() => {
    if (session.state !== 'checking') return;
    postGraphQL<{ whoAmI: Viewer | null }>(WHO_AM_I, undefined, session.token).then(
      ({ whoAmI }) => setSession({ state: 'ready', token: session.token, viewer: whoAmI }),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
          forgetToken();
          setSession({ state: 'ready', token: undefined, viewer: null, notice: `No se pudo iniciar la sesión: ${spanishMessage(error)} Se muestra la consulta pública.` });
        } else {
          setSession({ state: 'ready', token: session.token, viewer: null, notice: `No se pudo verificar la sesión: ${error instanceof ApiError ? spanishMessage(error) : String(error)}` });
        }
      },
    );
  }, [session]);

  const token = session.token;
  // A token that expires while the dashboard is open ends the session (the live connection is
  // refused, or a query answers UNAUTHENTICATED): the reader is told, and sees the public registry.
  const sessionExpired = useCallback(() => {
    forgetToken();
    setSession({
      state: 'ready',
      token: undefined,
      viewer: null,
      notice: 'La sesión venció o ya no es válida: se muestra la consulta pública. Para volver a entrar, abra el enlace de una sesión nueva.',
    });
  }, []);
  const live = useMemo(() => (session.state === 'ready' ? new LiveConnection(token, token ? sessionExpired : undefined) : undefined), [session.state, token, sessionExpired]);
  useEffect(() => () => live?.dispose(), [live]);

  const signOut = useCallback(() => {
    forgetToken();
    setSession({ state: 'ready', token: undefined, viewer: null, notice: 'Sesión cerrada. Se muestra la consulta pública.' });
  }, []);

  const dashboard = useMemo<Dashboard | undefined>(
    () =>
      live && session.state === 'ready'
        ? {
            token,
            viewer: session.viewer,
            live,
            query: <Data,>(document: string, variables?: Variables) =>
              postGraphQL<Data>(document, variables, token).catch((error: unknown) => {
                if (token && error instanceof ApiError && error.code === 'UNAUTHENTICATED') sessionExpired();
                throw error;
              }),
            signOut,
          }
        : undefined,
    [live, session, token, signOut, sessionExpired],
  );

  // After client-side navigation, focus moves to the new page's heading, which screen readers
  // announce (as they would after a full page load); the first load leaves focus alone.
  useEffect(() => {
    if (navigations === 0) return;
    const frame = window.requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
    return () => window.cancelAnimationFrame(frame);
  }, [navigations]);

  if (!dashboard) return <p class="boot">Verificando la sesión…</p>;
  return (
    <DashboardContext.Provider value={dashboard}>
      <Layout route={route}>
        {session.state === 'ready' && session.notice && (
          <div class="notice notice-info" role="status">
            {session.notice}
          </div>
        )}
        <Page route={route} />
      </Layout>
    </DashboardContext.Provider>
  );
};

adoptTokenFromAddress();
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
