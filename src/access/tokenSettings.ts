import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config/config';
import type { TokenSettings } from './tokens';

/**
 * Turns the auth configuration into verifier settings, reading key files once at start-up.
 * Outside production with no key configured, a random development secret is created in the data
 * directory on first use, so development tokens keep working across restarts.
 */
export const resolveTokenSettings = (auth: AuthConfig): TokenSettings => {
  const { issuer, audience, key } = auth;
  switch (key.kind) {
    case 'secret':
      return { issuer, audience, key };
    case 'public-key-file':
      return { issuer, audience, key: { kind: 'public-key', pem: fs.readFileSync(key.path, 'utf8') } };
    case 'dev-secret-file': {
      if (!fs.existsSync(key.path)) {
        fs.mkdirSync(path.dirname(key.path), { recursive: true });
        fs.writeFileSync(key.path, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      }
      return { issuer, audience, key: { kind: 'secret', secret: fs.readFileSync(key.path, 'utf8').trim() } };
    }
    default: {
      const unknown: never = key;
      throw new Error(`Unknown token key ${JSON.stringify(unknown)}`);
    }
  }
};
