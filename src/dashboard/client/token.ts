/* Reading a bearer token the dashboard was handed; no DOM here (tested under Node). */

/**
 * Splits `#token=<jwt>` (possibly among other fragment parameters) out of a URL fragment: the
 * token, and the fragment to keep without it.
 */
export const tokenFromFragment = (hash: string): { readonly token: string | undefined; readonly rest: string } => {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim() || undefined;
  params.delete('token');
  const rest = params.toString();
  return { token, rest: rest ? `#${rest}` : '' };
};
