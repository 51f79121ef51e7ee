import { RuleViolationError } from '../shared/errors';
import type { DecisionContext } from '../eventSourcing/decider';
import { isAfter, isBefore, type LegalDate } from '../shared/time';
import type { PolicyCommand, PublishPolicyVersion } from './policyCommands';
import type { PolicyEvent } from './policyEvents';
import { latestPolicyVersion, type PolicyState } from './policyState';

/**
 * Consistency rules of the policy history. There is no DATE_IN_FUTURE rule: a version may be
 * published ahead of the day it takes effect. It may not take effect before the day it is
 * published (but the first version, which states the policy since the LCT): agreements are judged
 * by the version in force when they were signed, and one published later would judge again
 * signatures made, and findings raised, before it existed.
 */
export const decidePolicy = (command: PolicyCommand, state: PolicyState, context: DecisionContext): readonly PolicyEvent[] => {
  switch (command.type) {
    case 'PublishPolicyVersion':
      return publish(command, state, context.today);
    default: {
      const unknown: never = command.type;
      throw new Error(`Unknown policy command ${JSON.stringify(unknown)}`);
    }
  }
};

const publish = ({ data }: PublishPolicyVersion, state: PolicyState, today: LegalDate): readonly PolicyEvent[] => {
  const previous = latestPolicyVersion(state);
  // Strictly later, so that every date has exactly one version in force and versions never reorder.
  if (previous && !isAfter(data.effectiveFrom, previous.effectiveFrom)) {
    throw new RuleViolationError(
      'POLICY_EFFECTIVE_DATE_NOT_AFTER_PREVIOUS',
      `effectiveFrom (${data.effectiveFrom}) must be after ${previous.effectiveFrom}, when version ${previous.version} took effect: ` +
        'a published version is never replaced, so give the new version a later date.',
    );
  }
  if (previous && isBefore(data.effectiveFrom, today)) {
    throw new RuleViolationError(
      'POLICY_RETROACTIVE',
      `effectiveFrom (${data.effectiveFrom}) is before today (${today}): a policy version takes effect on the day it is published or later, ` +
        'never on agreements already signed, which were judged by the version then in force. Give today or a later date.',
    );
  }
  if (data.priorityRegions.length === 0) {
    throw new RuleViolationError('POLICY_NO_PRIORITY_REGIONS', 'priorityRegions is empty: the alignment audit needs at least one priority region.');
  }
  if (data.priorityThemes.length === 0) {
    throw new RuleViolationError('POLICY_NO_PRIORITY_THEMES', 'priorityThemes is empty: the alignment audit needs at least one priority theme.');
  }
  const empty = data.priorityRegions.find((region) => region.countries.length === 0);
  if (empty) {
    throw new RuleViolationError(
      'POLICY_REGION_WITHOUT_COUNTRIES',
      `Priority region ${empty.id} (${empty.name}) lists no countries: give its members as ISO 3166-1 alpha-2 codes.`,
    );
  }
  noDuplicates('priorityRegions', data.priorityRegions.map((region) => region.id));
  noDuplicates('priorityThemes', data.priorityThemes);
  noDuplicates('multilateralAgendas', data.multilateralAgendas.map((agenda) => agenda.id));
  noDuplicates('strategyObjectives', data.strategyObjectives.map((objective) => objective.id));
  const { registrationAfterSignatureDays, dormancyMonths } = data.deadlines;
  positiveWhole('deadlines.registrationAfterSignatureDays', registrationAfterSignatureDays);
  positiveWhole('deadlines.dormancyMonths', dormancyMonths);
  return [{ type: 'PolicyVersionPublished', data: { version: (previous?.version ?? 0) + 1, ...data } }];
};

const positiveWhole = (field: string, value: number): void => {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RuleViolationError('POLICY_DEADLINE_INVALID', `${field} is ${value}: a deadline is a whole number greater than zero.`);
  }
};

const noDuplicates = (field: string, ids: readonly string[]): void => {
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new RuleViolationError('POLICY_DUPLICATE_ENTRY', `${field} lists ${repeated} more than once: list each entry once.`);
  }
};
