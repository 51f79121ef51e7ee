import { DateTime } from 'luxon';
import type { AgreementView } from '../../../projections/agreements';
import { historyUpTo, milestonesFromHistory } from '../../queries/milestoneQueries';
import { legalDateAt, type Instant } from '../../shared/time';
import { orderedInstants, pastInstant } from '../../timeTravel/pastInstant';
import { agreementAsOf, diffAgreement, type AgreementHistory, type HistoryEntry } from '../../timeTravel/agreementHistory';
import type { RegistryContext } from '../context';
import type { Resolvers } from '../generated/schemaTypes';
import { markPast, pastOf } from '../readModels';
import { agreementAccess, visibleHistoryEntry, visibleView } from '../visibility';

const NO_ENTRIES: readonly HistoryEntry[] = [];

/** The agreement's stream, once per request however many fields read it (history, asOf, diff). */
const historyOf = (view: AgreementView, context: RegistryContext): Promise<AgreementHistory | null> => context.loaders.history.load(view.id);

/** The entries the view stands for: all of them, or those recorded up to a past view's instant. */
const entriesOf = async (view: AgreementView, context: RegistryContext): Promise<readonly HistoryEntry[]> => {
  const history = await historyOf(view, context);
  return history === null ? NO_ENTRIES : historyUpTo(history.entries, pastOf(context, view)?.knownAt ?? null);
};

const instantTime = (instant: Instant): DateTime => DateTime.fromISO(instant, { zone: 'utc' });

export const agreementHistoryResolvers: Resolvers = {
  Agreement: {
    history: async (view, _args, context) => {
      const access = agreementAccess(context.viewer, view);
      return (await entriesOf(view, context)).map((entry) => visibleHistoryEntry(entry, access));
    },
    milestones: async (view, _args, context) => milestonesFromHistory(await entriesOf(view, context)),
    asOf: async (view, args, context) => {
      const instant = pastInstant(args.instant, context.now, 'instant');
      const history = await historyOf(view, context);
      const then = history === null ? undefined : agreementAsOf(history, instantTime(instant));
      // Judged as it stood then: an agreement not yet registered then was not published then.
      if (then === undefined || agreementAccess(context.viewer, then) === 'none') return null;
      return markPast(context, then, { knownAt: instant, day: legalDateAt(instantTime(instant)), registry: undefined });
    },
    diff: async (view, args, context) => {
      orderedInstants(args.from, args.to, { from: 'from', to: 'to' });
      const to = pastInstant(args.to, context.now, 'to');
      const history = await historyOf(view, context);
      if (history === null) return [];
      const access = agreementAccess(context.viewer, view);
      const before = visibleView(agreementAsOf(history, instantTime(args.from)), access);
      const after = visibleView(agreementAsOf(history, instantTime(to)), access);
      return diffAgreement(before, after).map((change) => ({ field: change.field, before: change.before ?? null, after: change.after ?? null }));
    },
  },
  HistoryEvent: {
    revision: (entry) => entry.revision.toString(),
  },
};
