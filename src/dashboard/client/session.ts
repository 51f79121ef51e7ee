import { tokenFromFragment } from './token';

const STORAGE_KEY = 'registro-acuerdos.token';

/**
 * A token handed in the address (`#token=…`, as `npm start` prints it) moves to sessionStorage
 * and out of the address bar, so it is neither bookmarked, shared by copying the URL, nor kept in
 * the history. sessionStorage lasts as long as the tab.
 */
export const adoptTokenFromAddress = (): void => {
  const { token, rest } = tokenFromFragment(window.location.hash);
  if (!token) return;
  window.sessionStorage.setItem(STORAGE_KEY, token);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest}`);
};

export const storedToken = (): string | undefined => window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;

export const forgetToken = (): void => window.sessionStorage.removeItem(STORAGE_KEY);
