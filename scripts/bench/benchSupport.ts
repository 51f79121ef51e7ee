import os from 'node:os';

/** `--name value` from the command line as a number, or the default. */
export const argNumber = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  const raw = index >= 0 ? process.argv[index + 1] : undefined;
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number; got "${raw}".`);
  return value;
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
