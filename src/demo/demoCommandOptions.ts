import { usageError, wholeNumberOption, type OptionSpec } from '../cli/command';
import { InvalidInputError } from '../shared/errors';
import { parseLegalDate, type LegalDate } from '../shared/time';
import { DEMO_DEFAULTS, type DemoOptions } from './demoRegistry';

/** The history's shape, shared by `npm run seed:demo` and `npm run generate:history`. */
export const DEMO_COMMAND_OPTIONS = {
  seed: { type: 'string', valueName: 'N', description: `seed of the history (default ${DEMO_DEFAULTS.seed}); the same options give the same events` },
  agreements: { type: 'string', valueName: 'N', description: `agreements opened over the period (default ${DEMO_DEFAULTS.agreements}; about 22 events each)` },
  from: { type: 'string', valueName: 'YYYY-MM-DD', description: `first day of the history (default ${DEMO_DEFAULTS.from})` },
  to: { type: 'string', valueName: 'YYYY-MM-DD', description: 'day the history ends, exclusive (default: today in Mexico City)' },
} as const satisfies Readonly<Record<string, OptionSpec>>;

const dateOption = (raw: string, name: string): LegalDate => {
  try {
    return parseLegalDate(raw, name);
  } catch (error) {
    return usageError(`--${name}: ${error instanceof InvalidInputError ? error.issues.map((issue) => issue.message).join('; ') : String(error)}`);
  }
};

export const demoOptionsFrom = (
  values: { readonly seed?: string | undefined; readonly agreements?: string | undefined; readonly from?: string | undefined; readonly to?: string | undefined },
  today: LegalDate,
): DemoOptions => {
  const options: DemoOptions = {
    seed: wholeNumberOption(values.seed, 'seed', DEMO_DEFAULTS.seed),
    agreements: wholeNumberOption(values.agreements, 'agreements', DEMO_DEFAULTS.agreements),
    from: dateOption(values.from ?? DEMO_DEFAULTS.from, 'from'),
    to: dateOption(values.to ?? today, 'to'),
  };
  if (options.to <= options.from) usageError(`--to (${options.to}) must be after --from (${options.from}).`);
  return options;
};
