import { InvalidStoreInputError } from '../../eventStore/errors';
import type { LogFields } from '../../observability/logger';
import type { CommandOutcome } from '../../observability/metrics';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, RuleViolationError, UnauthenticatedError } from '../../shared/errors';
import type { RegistryContext } from '../context';
import type { CommandArguments } from '../inputs/commandArguments';
import { roleOf } from '../observability';
import type { CommandPayload } from './mutationsPayload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a command that threw ended; anything not raised on purpose is `error`. */
export const commandOutcomeOf = (error: unknown): CommandOutcome => {
  if (error instanceof InvalidInputError || error instanceof InvalidStoreInputError) return 'invalid';
  if (error instanceof UnauthenticatedError) return 'unauthenticated';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof RuleViolationError) return 'rule-violation';
  if (error instanceof ConflictError) return 'conflict';
  return 'error';
};

/** What a refusal adds to the log line: rule codes and input paths, never the input itself. */
const refusalFields = (error: unknown): LogFields => {
  if (error instanceof RuleViolationError) return { rule: error.rule };
  if (error instanceof InvalidInputError) return { issues: error.issues.map((issue) => `${issue.path} (${issue.rule})`) };
  if (error instanceof InvalidStoreInputError) return { issues: [`${error.field} (${error.rule})`] };
  if (error instanceof ConflictError) return { stream: error.streamName, expectedRevision: error.expectedRevision, actualRevision: error.actualRevision };
  return {};
};

/**
 * Wraps a mutation resolver of one command type: times it (authorisation, parsing, decision and
 * append; not the payload's read-your-writes wait) and reports its outcome as one log line and in
 * `registry_commands_total` / `registry_command_duration_seconds`.
 */
export const observedCommand =
  <Args extends CommandArguments, Payload extends CommandPayload>(commandType: string, resolve: (parent: unknown, args: Args, context: RegistryContext) => Promise<Payload>) =>
  async (parent: unknown, args: Args, context: RegistryContext): Promise<Payload> => {
    const started = process.hrtime.bigint();
    const report = (outcome: CommandOutcome, fields: LogFields) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { logger, metrics } = context.services.telemetry;
      metrics.countCommand(commandType, outcome, seconds);
      logger[outcome === 'error' ? 'warn' : 'info']('Command handled', {
        commandType,
        outcome,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        correlationId: context.correlationId,
        ...(typeof args.commandId === 'string' && UUID.test(args.commandId) ? { commandId: args.commandId } : {}),
        role: roleOf(context.viewer),
        ...fields,
      });
    };
    let payload: Payload;
    try {
      payload = await resolve(parent, args, context);
    } catch (error) {
      report(commandOutcomeOf(error), refusalFields(error));
      throw error;
    }
    report(payload.replayed ? 'replayed' : 'ok', { revision: payload.revision, position: payload.position, events: payload.events.length });
    return payload;
  };
