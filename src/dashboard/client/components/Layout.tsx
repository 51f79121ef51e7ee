import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LiveStatus } from '../api/live';
import { useDashboard } from '../context';
import { roleLabel } from '../labels';
import type { Route } from '../routes';

const LIVE_TEXT: Readonly<Record<LiveStatus, string>> = {
  connecting: 'Conectando…',
  live: 'En vivo',
  reconnecting: 'Reconectando…',
};

const LiveIndicator = () => {
  const { live } = useDashboard();
  const [status, setStatus] = useState<LiveStatus>(live.currentStatus());
  useEffect(() => {
    setStatus(live.currentStatus());
    return live.onStatus(setStatus);
  }, [live]);
  return (
    <span class={`live live-${status}`} role="status" data-live={status} title="Las cifras se actualizan solas mediante suscripciones GraphQL">
      <span class="live-dot" aria-hidden="true" />
      {LIVE_TEXT[status]}
    </span>
  );
};

const SessionBox = () => {
  const { viewer, signOut } = useDashboard();
  if (!viewer) {
    return (
      <div class="session" data-session="public">
        <span class="session-who">Consulta pública</span>
        <span class="session-role">Sin sesión: solo acuerdos publicados</span>
      </div>
    );
  }
  return (
    <div class="session" data-session={viewer.role}>
      <span class="session-who" title={viewer.id}>
        {viewer.id}
      </span>
      <span class="session-role">
        {roleLabel(viewer.role)}
        {viewer.entities.length > 0 ? ` · ${viewer.entities.join(', ')}` : ''}
      </span>
      <button type="button" class="button-link" onClick={signOut}>
        Cerrar sesión
      </button>
    </div>
  );
};

const NAV: readonly { readonly href: string; readonly label: string; readonly pages: readonly Route['page'][] }[] = [
  { href: '/', label: 'Panorama nacional', pages: ['overview'] },
  { href: '/auditoria', label: 'Auditoría', pages: ['audit'] },
];

/** The frame of every page: banner with session and live status, navigation, main, footer. */
export const Layout = ({ route, children }: { readonly route: Route | undefined; readonly children: ComponentChildren }) => (
  <>
    <a class="skip-link" href="#contenido">
      Saltar al contenido
    </a>
    <header class="site-header">
      <div class="site-header-inner">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">
            RAI
          </span>
          <span class="brand-text">
            <span class="brand-title">Registro de Acuerdos Interinstitucionales</span>
            <span class="brand-subtitle">Estados y municipios de México · LCT art. 7</span>
          </span>
        </a>
        <div class="header-tools">
          <LiveIndicator />
          <SessionBox />
        </div>
      </div>
      <nav class="site-nav" aria-label="Secciones">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={route && item.pages.includes(route.page) ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
    <main id="contenido" class="site-main" tabIndex={-1}>
      {children}
    </main>
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p>
          Fuente: eventos inmutables del Registro; cifras calculadas por sus proyecciones y actualizadas en vivo. Fechas jurídicas en el calendario de la Ciudad de México.
        </p>
        <p>
          Datos abiertos: API GraphQL en <code>/graphql</code>. Mapa: @svg-maps/mexico (CC BY 4.0). Gráficas: Chart.js.
        </p>
      </div>
    </footer>
  </>
);
