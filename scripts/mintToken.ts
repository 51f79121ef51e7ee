/**
 * Mints a development bearer token for one role, signed with the key the server verifies with
 * (the development secret in DATA_DIR, or AUTH_SECRET). Usage: npm run token -- --help
 */
import { resolveTokenSettings } from '../src/access/tokenSettings';
import { TOKEN_ROLES, mintToken } from '../src/access/tokens';
import { ConfigError, loadConfig } from '../src/config/config';

const HELP = `Mints a development bearer token.

  npm run token -- --role <role> [--sub <id>] [--entities <codes>] [--expires <duration>]

  --role       one of ${TOKEN_ROLES.join(', ')}
  --sub        who the token names (default: <role>@dev.registro)
  --entities   INEGI codes a subnational token may act for, comma-separated (e.g. 14,14039)
  --expires    lifetime such as 8h, 30d (default 30d)

Uses the same configuration as the server (DATA_DIR, AUTH_SECRET, AUTH_ISSUER, AUTH_AUDIENCE).
Send the token as: Authorization: Bearer <token>`;

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const main = async (): Promise<void> => {
  if (process.argv.includes('--help') || process.argv.length <= 2) {
    console.log(HELP);
    return;
  }
  const role = argument('--role');
  if (!role || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw new Error(`--role must be one of ${TOKEN_ROLES.join(', ')}; got ${JSON.stringify(role)}.`);
  }
  const entities = argument('--entities')?.split(',').map((code) => code.trim()).filter(Boolean);
  if (role === 'subnational' && !entities?.length) throw new Error('A subnational token needs --entities, e.g. --entities 14,14039.');
  const settings = resolveTokenSettings(loadConfig(process.env).auth);
  if (settings.key.kind !== 'secret') throw new Error('The server verifies tokens with a public key: tokens come from your identity provider.');
  const token = await mintToken(
    { ...settings, key: settings.key },
    { sub: argument('--sub') ?? `${role}@dev.registro`, role: role as (typeof TOKEN_ROLES)[number], ...(entities ? { entities } : {}) },
    argument('--expires') ?? '30d',
  );
  console.log(token);
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
