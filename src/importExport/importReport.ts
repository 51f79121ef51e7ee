import type { ImportReport } from './importAgreements';

/** The report with each problem's field named as the file names it (CSV columns, or JSON paths). */
export const reportInTermsOf = (report: ImportReport, fieldName: (path: string) => string): ImportReport => ({
  ...report,
  rejected: report.rejected.map((row) => ({ ...row, problems: row.problems.map((problem) => ({ ...problem, field: fieldName(problem.field) })) })),
});

/** The report as JSON: the position as a string (the API's `Position` scalar), for `consistentWith`. */
export const importReportJson = (report: ImportReport): Omit<ImportReport, 'position'> & { readonly position: string | null } => ({
  ...report,
  position: report.position === null ? null : report.position.toString(),
});

/** What an operator reads: the counts, then one line per problem of each rejected row. */
export const formatImportReport = (report: ImportReport, file: string): string => {
  const verb = report.dryRun ? 'would be imported' : 'imported';
  const lines = [
    `${file}: ${report.rows} row(s)${report.dryRun ? ' (dry run: nothing written)' : ''}`,
    `  ${report.imported} ${verb} (${report.events} event(s))`,
    `  ${report.unchanged} unchanged (already imported)`,
    `  ${report.rejected.length} rejected`,
  ];
  for (const row of report.rejected) {
    for (const problem of row.problems) {
      lines.push(`  line ${row.line}${row.key === undefined ? '' : ` [${row.key}]`}, ${problem.field}: ${problem.message} (${problem.rule})`);
    }
  }
  return lines.join('\n');
};
