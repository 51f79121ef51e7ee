import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Variables } from './api/graphql';
import type { LiveConnection } from './api/live';
import type { Viewer } from './types';

/** What every page needs: who is signed in, the API, the live connection. */
export interface Dashboard {
  readonly token: string | undefined;
  /** Null for the public (no token). */
  readonly viewer: Viewer | null;
  query<Data>(document: string, variables?: Variables): Promise<Data>;
  readonly live: LiveConnection;
  signOut(): void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export const useDashboard = (): Dashboard => {
  const dashboard = useContext(DashboardContext);
  if (!dashboard) throw new Error('useDashboard outside <DashboardContext.Provider>.');
  return dashboard;
};
