import { helpText, parseCommand, UsageError, type CommandSpec, type OptionSpec, type ParsedCommand } from '../../src/cli/command';
import os from 'node:os';

/**
 * A benchmark's flags, parsed with the project's command-line convention (src/cli/command.ts):
 * `--help` prints the help and exits 0; an unknown flag prints the usage and exits 2, before any
 * long work starts.
 */
export const benchOptions = <O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>): ParsedCommand<O>['values'] => {
  try {
    const parsed = parseCommand(spec, process.argv.slice(2));
    if (parsed === 'help') {
      console.log(helpText(spec));
      process.exit(0);
    }
    return parsed.values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${helpText(spec)}`);
    process.exit(2);
  }
};

export const machineDescription = (): string => {
  const cpus = os.cpus();
  return `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${os.platform()} ${os.release()}, Node ${process.version}, tmpdir ${os.tmpdir()}`;
};

export const printTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): void => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  rows.forEach((row) => console.log(line(row)));
};
