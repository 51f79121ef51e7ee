import type { Config } from '../config/config';
import { resolveTokenSettings } from './tokenSettings';
import { mintToken, type TOKEN_ROLES } from './tokens';

/**
 * A token signed with the development secret (DATA_DIR/dev-token-secret), for the start-up banner's
 * dashboard link. None in production or when a real key is configured: tokens then come from the
 * operator (AUTH_SECRET, `npm run token`) or an identity provider, never from a printed banner.
 */
export const mintDevelopmentToken = async (
  config: Pick<Config, 'production' | 'auth'>,
  role: (typeof TOKEN_ROLES)[number],
  expiresIn: string,
): Promise<string | undefined> => {
  if (config.production || config.auth.key.kind !== 'dev-secret-file') return undefined;
  const settings = resolveTokenSettings(config.auth);
  if (settings.key.kind !== 'secret') return undefined;
  return mintToken({ ...settings, key: settings.key }, { sub: `${role}@dev.registro`, role }, expiresIn);
};
