import type { CommandEnvelope } from '../../eventSourcing/commandHandler';
import type { Actor } from '../../eventSourcing/envelope';
import { InvalidInputError, type InputIssue } from '../../shared/errors';
import { parseCommandId } from '../../shared/ids';
import { describeGiven, isAbsent } from '../../shared/inputReader';

/** The arguments every mutation takes besides its target and its input. */
export interface CommandArguments {
  readonly commandId: string;
  readonly expectedRevision?: string | null;
}

/** A mutation's command, read together with its envelope. */
export interface ReadCommand<Command> {
  readonly command: Command;
  readonly envelope: CommandEnvelope;
}

/**
 * The parsers name the command's data `data`; a GraphQL client sent it as the `input` argument.
 * Paths are rewritten so that each issue names what the client wrote: `input.parties[0].code`.
 */
export const dataAsInput = (path: string): string => (path === 'data' || path.startsWith('data.') || path.startsWith('data[') ? `input${path.slice(4)}` : path);

const REVISION = /^\d{1,20}$/;

const readRevision = (raw: unknown, issues: InputIssue[]): bigint | undefined => {
  if (isAbsent(raw)) return undefined;
  if (typeof raw === 'string' && REVISION.test(raw.trim())) return BigInt(raw.trim());
  issues.push({
    path: 'expectedRevision',
    rule: 'revision-format',
    message: `must be a stream revision written as a decimal, e.g. "3" (the \`revision\` of the last payload), or left out; got ${describeGiven(raw)}.`,
  });
  return undefined;
};

/**
 * Reads the envelope arguments and the command in one pass, so that a single BAD_USER_INPUT lists
 * every issue of the request: a bad commandId does not hide the input's mistakes, nor the reverse.
 * `parse` is the command's boundary parser; its issue paths go through `rebase`.
 */
export const readCommand = <Command>(
  args: CommandArguments,
  actor: Actor,
  correlationId: string,
  parse: () => Command,
  rebase: (path: string) => string = dataAsInput,
): ReadCommand<Command> => {
  const issues: InputIssue[] = [];
  let commandId: CommandEnvelope['commandId'] | undefined;
  try {
    commandId = parseCommandId(args.commandId, 'commandId');
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.push(...error.issues);
  }
  const expectedRevision = readRevision(args.expectedRevision, issues);
  let command: Command | undefined;
  try {
    command = parse();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const issue of error.issues) {
      const rebased = { ...issue, path: rebase(issue.path) };
      // Two parser paths may name the same argument (a correction repeats the agreement id).
      if (!issues.some((known) => known.path === rebased.path && known.rule === rebased.rule)) issues.push(rebased);
    }
  }
  if (issues.length > 0 || commandId === undefined || command === undefined) throw new InvalidInputError(issues);
  return {
    command,
    // The request's correlation id (x-correlation-id) ties the events to the request's logs.
    envelope: { commandId, actor, correlationId, ...(expectedRevision === undefined ? {} : { expectedRevision }) },
  };
};
