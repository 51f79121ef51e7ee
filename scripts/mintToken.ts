/**
 * Mints a development bearer token for one role, signed with the key the server verifies with
 * (the development secret in DATA_DIR, or AUTH_SECRET). Usage: npm run token -- --help
 */
import { resolveTokenSettings } from '../src/access/tokenSettings';
import { TOKEN_ROLES, mintToken } from '../src/access/tokens';
import { runCommand, usageError } from '../src/cli/command';
import { parseMunicipalityCode, parseStateCode } from '../src/reference';
import { loadConfig } from '../src/config/config';

runCommand(
  {
    usage: 'npm run token -- --role ROLE [--entities CODES] [--sub ID] [--expires DURATION]',
    description:
      'Mints a development bearer token signed with the same key the server verifies with (DATA_DIR/dev-token-secret, or ' +
      'AUTH_SECRET) and prints it. Send it as "Authorization: Bearer <token>", or open the dashboard at http://HOST:PORT/#token=<token>.',
    options: {
      role: { type: 'string', valueName: 'ROLE', description: `one of ${TOKEN_ROLES.join(', ')}` },
      entities: { type: 'string', valueName: 'CODES', description: 'INEGI codes a subnational token may act for, comma-separated (e.g. 14,14039)' },
      sub: { type: 'string', valueName: 'ID', description: 'who the token names (default: ROLE@dev.registro)' },
      expires: { type: 'string', valueName: 'DURATION', description: 'lifetime such as 8h or 30d (default 30d)' },
    },
    epilogue: 'Reads the same configuration as the server (DATA_DIR, AUTH_SECRET, AUTH_ISSUER, AUTH_AUDIENCE).',
  },
  async ({ values }) => {
    const role = values.role ?? usageError(`--role is required: one of ${TOKEN_ROLES.join(', ')}.`);
    if (!(TOKEN_ROLES as readonly string[]).includes(role)) usageError(`--role must be one of ${TOKEN_ROLES.join(', ')}; got ${JSON.stringify(role)}.`);
    const entities = values.entities?.split(',').map((code) => code.trim()).filter(Boolean);
    if (role === 'subnational' && !entities?.length) usageError('A subnational token needs --entities, e.g. --entities 14,14039.');
    if (role !== 'subnational' && entities !== undefined) usageError(`--entities is for subnational tokens only: the ${role} role is not scoped to entities.`);
    for (const code of entities ?? []) {
      const parsed = code.length === 2 ? parseStateCode(code) : parseMunicipalityCode(code);
      if (!parsed.ok) usageError(`--entities: ${JSON.stringify(code)} is not an INEGI state (2 digits) or municipality (5 digits) code: ${parsed.error.message}`);
    }
    const expires = values.expires ?? '30d';
    if (!/^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|y|yr|yrs|year|years)$/i.test(expires)) {
      usageError(`--expires must be a duration such as 8h or 30d; got ${JSON.stringify(expires)}.`);
    }
    const settings = resolveTokenSettings(loadConfig(process.env).auth);
    if (settings.key.kind !== 'secret') throw new Error('The server verifies tokens with a public key (AUTH_PUBLIC_KEY_FILE): tokens come from your identity provider.');
    const token = await mintToken(
      { ...settings, key: settings.key },
      { sub: values.sub ?? `${role}@dev.registro`, role: role as (typeof TOKEN_ROLES)[number], ...(entities ? { entities } : {}) },
      expires,
    );
    console.log(token);
  },
);
