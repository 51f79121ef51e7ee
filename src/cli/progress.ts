/**
 * A progress line for long work (demo generation, imports, rebuilds) on stderr: rewritten in
 * place on a terminal, one line every few seconds otherwise (CI logs, pipes), so stdout stays
 * free for the command's result.
 */
export interface Progress {
  /** Reports `done` of an estimated `total` (the estimate may grow); throttled. */
  update(done: number, total?: number): void;
  /** Prints the final line. */
  finish(done: number, summary?: string): void;
}

export interface ProgressOptions {
  readonly label: string;
  /** What is counted, e.g. `events`, `rows`. */
  readonly unit: string;
  readonly stream?: NodeJS.WriteStream;
  /** Monotonic seconds; injected by tests. */
  readonly seconds?: () => number;
}

export const createProgress = ({ label, unit, stream = process.stderr, seconds = defaultSeconds() }: ProgressOptions): Progress => {
  const interactive = stream.isTTY === true;
  const started = seconds();
  let lastShown = Number.NEGATIVE_INFINITY;
  let lastTotal: number | undefined;
  const line = (done: number, total: number | undefined, final: boolean) => {
    const elapsed = seconds() - started;
    const rate = done / Math.max(elapsed, 1e-9);
    const parts = [`${label}: ${done.toLocaleString('en')} ${unit}`];
    if (total !== undefined && total > 0 && !final) {
      const fraction = Math.min(1, done / total);
      parts.push(`${Math.floor(fraction * 100)}%`);
      parts.push(`ETA ${Math.round(Math.max(0, (total - done) / Math.max(rate, 1)))}s`);
    }
    parts.push(`${Math.round(rate).toLocaleString('en')} ${unit}/s`);
    if (final) parts.push(`${elapsed.toFixed(1)}s`);
    return parts.join('  ');
  };
  return {
    update(done, total) {
      lastTotal = total ?? lastTotal;
      const now = seconds();
      if (now - lastShown < (interactive ? 0.25 : 5)) return;
      lastShown = now;
      const text = line(done, lastTotal, false);
      stream.write(interactive ? `\r${text.padEnd(78)}` : `${text}\n`);
    },
    finish(done, summary) {
      const text = `${line(done, lastTotal, true)}${summary ? `  ${summary}` : ''}`;
      stream.write(interactive ? `\r${text.padEnd(78)}\n` : `${text}\n`);
    },
  };
};

const defaultSeconds = () => {
  const origin = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - origin) / 1e9;
};
