import { DateTime } from 'luxon';
import { historyUpTo, milestonesFromHistory } from '../../queries/milestoneQueries';
import { legalDateAt, type Instant } from '../../shared/time';
import { agreementAsOf, diffAgreement, type AgreementHistory, type HistoryEntry } from '../../timeTravel/agreementHistory';
import type { RegistryContext } from '../context';
import type { AgreementParent } from '../parents';
import { markPast, pastOf } from '../readModels';
import { agreementAccess, visibleHistoryEntry, visibleView } from '../visibility';

type Context = RegistryContext;

const NO_ENTRIES: readonly HistoryEntry[] = [];

/** The agreement's stream, once per request however many fields read it (history, asOf, diff). */
const historyOf = (view: AgreementParent, context: Context): Promise<AgreementHistory | null> => context.loaders.history.load(view.id);

/** The entries the view stands for: all of them, or those recorded up to a past view's instant. */
const entriesOf = async (view: AgreementParent, context: Context): Promise<readonly HistoryEntry[]> => {
  const history = await historyOf(view, context);
  return history === null ? NO_ENTRIES : historyUpTo(history.entries, pastOf(context, view)?.knownAt ?? null);
};

const instantTime = (instant: Instant): DateTime => DateTime.fromISO(instant, { zone: 'utc' });

export const agreementHistoryResolvers = {
  Agreement: {
    history: async (view: AgreementParent, _args: unknown, context: Context) => {
      const access = agreementAccess(context.viewer, view);
      return (await entriesOf(view, context)).map((entry) => visibleHistoryEntry(entry, access));
    },
    milestones: async (view: AgreementParent, _args: unknown, context: Context) => milestonesFromHistory(await entriesOf(view, context)),
    asOf: async (view: AgreementParent, args: { readonly instant: Instant }, context: Context) => {
      const history = await historyOf(view, context);
      const then = history === null ? undefined : agreementAsOf(history, instantTime(args.instant));
      // Judged as it stood then: an agreement not yet registered then was not published then.
      if (then === undefined || agreementAccess(context.viewer, then) === 'none') return null;
      return markPast(context, then, { knownAt: args.instant, day: legalDateAt(instantTime(args.instant)), registry: undefined });
    },
    diff: async (view: AgreementParent, args: { readonly from: Instant; readonly to: Instant }, context: Context) => {
      const history = await historyOf(view, context);
      if (history === null) return [];
      const access = agreementAccess(context.viewer, view);
      const before = visibleView(agreementAsOf(history, instantTime(args.from)), access);
      const after = visibleView(agreementAsOf(history, instantTime(args.to)), access);
      return diffAgreement(before, after).map((change) => ({ field: change.field, before: change.before ?? null, after: change.after ?? null }));
    },
  },
  HistoryEvent: {
    revision: (entry: HistoryEntry) => entry.revision.toString(),
  },
};
