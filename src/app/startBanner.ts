import type { Config } from '../config/config';
import { describeStore } from './openEventStore';
import type { FirstRunOutcome } from '../demo/firstRun';

export interface BannerFacts {
  readonly url: string;
  readonly config: Config;
  readonly firstRun: FirstRunOutcome;
  /** A read-everything (parliament) token signed with the development secret, if one is in use. */
  readonly developmentToken: string | undefined;
  readonly developmentTokenLifetime: string;
}

const count = (value: number) => value.toLocaleString('en');

const dataLine = (outcome: FirstRunOutcome): string => {
  switch (outcome.kind) {
    case 'seeded': {
      const { options, result, seconds } = outcome;
      return (
        `demo registry loaded: ${count(result.agreements)} agreements, ${count(result.events)} events in ${seconds.toFixed(1)} s ` +
        `(seed ${options.seed}, ${options.from} up to ${options.to}); later starts reuse it`
      );
    }
    case 'existing-data':
      return 'the data already in the store (demo data is loaded only into an empty store)';
    case 'empty-requested':
      return `started empty (${outcome.by === 'flag' ? '--empty' : 'DEMO_DATA=off'}); for the demo, start on another, empty DATA_DIR`;
    case 'external-store':
      return 'EventStoreDB as it is (demo data: npm run seed:demo into an empty store)';
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown first-run outcome ${JSON.stringify(unknown)}`);
    }
  }
};

/** The human-readable start-up banner (stdout); the JSON log stays on stderr. */
export const startBanner = ({ url, config, firstRun, developmentToken, developmentTokenLifetime }: BannerFacts): string => {
  const dashboard = developmentToken
    ? [
        `  dashboard: ${url}/#token=${developmentToken}`,
        `             (signed in as parliament: reads everything, including findings; valid ${developmentTokenLifetime}; the token stays in the fragment, never sent to the server)`,
      ]
    : [`  dashboard: ${url}/  (sign in with a token from your identity provider${config.auth.key.kind === 'secret' ? ' or npm run token' : ''})`];
  const tokens =
    config.auth.key.kind === 'public-key-file'
      ? '  tokens:    issued by your identity provider (AUTH_PUBLIC_KEY_FILE)'
      : '  tokens:    npm run token -- --role sre-legal   (or parliament, admin, subnational --entities 14,14039)';
  return [
    `Registry listening on ${url} (${describeStore(config.store)})`,
    `  data:      ${dataLine(firstRun)}`,
    ...dashboard,
    `  GraphQL:   ${url}/graphql (POST JSON, or WebSocket with graphql-ws)`,
    tokens,
    `  health:    ${url}/healthz   readiness: ${url}/readyz   metrics: ${url}/metrics`,
    `  logs:      JSON lines on stderr (LOG_LEVEL=${config.logLevel})`,
    `  scripts:   npm run verify | store:stats | rebuild | seed:demo | token  (each with -- --help)`,
  ].join('\n');
};
