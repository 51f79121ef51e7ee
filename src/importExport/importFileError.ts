/**
 * The file as a whole cannot be read (not CSV, not JSON, a wrong header): no row after `line` is
 * imported. Rows are independent, so the ones before it stand.
 */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ImportFileError';
  }
}
