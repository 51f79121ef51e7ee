/**
 * The file as a whole cannot be read (not CSV, not JSON, a wrong header): the route and the
 * script read it through before writing any row, so nothing of it is imported.
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
