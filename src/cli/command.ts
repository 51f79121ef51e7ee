import { parseArgs } from 'node:util';

/** One command-line option: `--name VALUE` (string) or `--name` (boolean). */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Shown in the help after the flag, e.g. `DIR`, `N`, `YYYY-MM-DD`. */
  readonly valueName?: string;
}

export interface CommandSpec<O extends Readonly<Record<string, OptionSpec>>> {
  /** How to call it, e.g. `npm run import -- FILE [options]`. */
  readonly usage: string;
  /** What it does, one paragraph. */
  readonly description: string;
  readonly options: O;
  /** Whether positional arguments are accepted (default none). */
  readonly positionals?: boolean;
  /** Extra help text after the options (environment, examples). */
  readonly epilogue?: string;
}

type Values<O extends Readonly<Record<string, OptionSpec>>> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface ParsedCommand<O extends Readonly<Record<string, OptionSpec>>> {
  readonly values: Values<O>;
  readonly positionals: readonly string[];
}

/**
 * A mistake in how the command was called: reported with the usage and exit code 2, so a script
 * calling it can tell "you called me wrong" from "the work failed" (exit code 1).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usageError = (message: string): never => {
  throw new UsageError(message);
};

export const helpText = <O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>): string => {
  const flags = Object.entries(spec.options).map(([name, option]) => [`--${name}${option.valueName ? ` ${option.valueName}` : ''}`, option.description] as const);
  flags.push(['--help', 'this text']);
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 2;
  const lines = flags.map(([flag, description]) => `  ${flag.padEnd(width)}${description.replace(/\n/g, `\n  ${' '.repeat(width)}`)}`);
  return [`Usage: ${spec.usage}`, '', spec.description, '', 'Options:', ...lines, ...(spec.epilogue ? ['', spec.epilogue] : [])].join('\n');
};

/** Parses argv strictly (unknown flags are errors) against the spec; `--help` is always known. */
export const parseCommand = <O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>, argv: readonly string[]): ParsedCommand<O> | 'help' => {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const [name, option] of Object.entries(spec.options)) options[name] = { type: option.type };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: spec.positionals === true });
  } catch (error) {
    // node:util's messages name the flag ("Unknown option '--x'"); keep them, add the usage.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values['help'] === true) return 'help';
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
};

/**
 * Runs a script's main function with the conventions every CLI here shares: `--help` prints the
 * help and exits 0; a UsageError prints the message and the usage and exits 2; any other error
 * prints its message and exits 1.
 */
export const runCommand = <O extends Readonly<Record<string, OptionSpec>>>(
  spec: CommandSpec<O>,
  main: (parsed: ParsedCommand<O>) => Promise<void>,
  argv: readonly string[] = process.argv.slice(2),
): void => {
  const failed = (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${helpText(spec)}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  };
  let parsed: ParsedCommand<O> | 'help';
  try {
    parsed = parseCommand(spec, argv);
  } catch (error) {
    failed(error);
    return;
  }
  if (parsed === 'help') {
    console.log(helpText(spec));
    return;
  }
  main(parsed).catch(failed);
};

/** `--name N` as a whole number ≥ min, or the fallback when absent. */
export const wholeNumberOption = (raw: string | undefined, name: string, fallback: number, min = 0): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= min ? value : usageError(`--${name} must be a whole number >= ${min}; got ${JSON.stringify(raw)}.`);
};
