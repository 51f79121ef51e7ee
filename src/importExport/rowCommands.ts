import type { AgreementCommand } from '../agreements/agreementCommands';
import type { AgreementId } from '../agreements/agreementTypes';
import { parseAgreementCommand } from '../agreements/parseAgreementCommand';
import { InvalidInputError } from '../shared/errors';
import { deterministicUuid, type CommandId } from '../shared/ids';
import { IMPORT_STEPS, KEY_FIELD, KEY_MAX_LENGTH, type ImportStep, type RowProblem } from './importFormat';

/** One command of a row, with the id that makes importing it again a no-op. */
export interface PlannedCommand {
  readonly step: ImportStep;
  readonly commandId: CommandId;
  readonly command: AgreementCommand;
}

export interface RowPlan {
  readonly key: string;
  readonly agreementId: AgreementId;
  /** The row's commands in lifecycle order; the first opens the agreement. */
  readonly commands: readonly PlannedCommand[];
}

/*
 * Ids are derived from the row's key alone (a SHA-256 name-based UUID, as the command handler
 * derives event ids): the same key always names the same agreement and the same commands, so
 * importing a file twice finds every command already handled and writes nothing.
 */
const NAMESPACE = 'registro-acuerdos/import/v1';
export const importedAgreementId = (key: string): AgreementId => deterministicUuid(`${NAMESPACE}/${key}/agreement`) as AgreementId;
export const importCommandId = (key: string, step: string): CommandId => deterministicUuid(`${NAMESPACE}/${key}/${step}`) as CommandId;

const isGiven = (value: unknown): boolean => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

const setPath = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest.join('.'), value);
};

/** The command data of a step, or undefined when the row gives none of its fields. */
const stepData = (step: ImportStep, fields: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined => {
  const given = Object.entries(step.fields).filter(([, field]) => isGiven(fields[field]));
  if (given.length === 0 && step.type !== 'OpenAgreement') return undefined;
  const data: Record<string, unknown> = { ...step.fixed };
  for (const [path, field] of given) setPath(data, path, fields[field]);
  // The text is usually signed in the agreement's languages: they are the default.
  if (step.type === 'SignAgreement' && !isGiven(fields['signatureLanguages']) && isGiven(fields['languages'])) data['languages'] = fields['languages'];
  return data;
};

/** A command reader's issue path (`data.validity.endsOn`, `data.parties[0].code`) as a row field path. */
const rowFieldPath = (step: ImportStep, issuePath: string): string => {
  const path = issuePath.replace(/^data\.?/, '');
  let best: readonly [string, string] | undefined;
  for (const entry of Object.entries(step.fields)) {
    const [dataPath] = entry;
    const matches = path === dataPath || path.startsWith(`${dataPath}.`) || path.startsWith(`${dataPath}[`);
    if (matches && (best === undefined || dataPath.length > best[0].length)) best = entry;
  }
  return best ? `${best[1]}${path.slice(best[0].length)}` : step.mainField;
};

const keyOf = (fields: Readonly<Record<string, unknown>>): string | RowProblem => {
  const raw = fields[KEY_FIELD];
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return { field: KEY_FIELD, rule: 'required', message: 'is missing: give each row a stable key (your file number, e.g. "JAL-2019-014"); importing the same key again changes nothing.' };
  }
  const key = String(raw).trim();
  if (key === '' || key.length > KEY_MAX_LENGTH) {
    return { field: KEY_FIELD, rule: key === '' ? 'required' : 'too-long', message: `must be 1 to ${KEY_MAX_LENGTH} characters; got ${key.length}.` };
  }
  return key;
};

/**
 * Turns a row into the commands a user would send, read by the API's own command reader: every
 * problem of every step is reported together, each against the row field to correct.
 */
export const planRow = (fields: Readonly<Record<string, unknown>>): RowPlan | { readonly problems: readonly RowProblem[] } => {
  const key = keyOf(fields);
  if (typeof key !== 'string') return { problems: [key] };
  const agreementId = importedAgreementId(key);
  const problems: RowProblem[] = [];
  const commands: PlannedCommand[] = [];
  for (const step of IMPORT_STEPS) {
    const data = stepData(step, fields);
    if (data === undefined) continue;
    try {
      commands.push({ step, commandId: importCommandId(key, step.step), command: parseAgreementCommand(step.type, agreementId, data) });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) problems.push({ field: rowFieldPath(step, issue.path), rule: issue.rule, message: issue.message });
    }
  }
  return problems.length > 0 ? { problems } : { key, agreementId, commands };
};
