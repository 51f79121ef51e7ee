import type { TimelineEntry } from '../../../projections/timeline';
import { countriesOfRegionIn } from '../../queries/counting';
import { searchTimeline } from '../../queries/timelineQueries';
import { scopeKey } from '../../queries/visibleModels';
import { API_PAGE_LIMITS, pageRequest, type ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { timelineFilter, type TimelineFilterInput } from '../filters';
import { liveReadView, regionsOn, visibleAgreements } from '../readModels';
import { agreementAccess, agreementScope } from '../visibility';
import { rootQuery, type ConsistentArgs } from './query';

type Context = RegistryContext;

interface TimelineArgs extends ConsistentArgs, ConnectionArgs {
  readonly filter?: TimelineFilterInput | null;
  readonly order?: 'ASC' | 'DESC' | null;
}

export const timelineResolvers = {
  Query: {
    timeline: rootQuery((args: TimelineArgs, context) => {
      const registry = liveReadView(context);
      const scope = agreementScope(context.viewer);
      const visible = visibleAgreements(registry, context.viewer).agreements;
      return searchTimeline(
        registry.timeline,
        { filter: timelineFilter(args.filter), order: args.order === 'DESC' ? 'desc' : 'asc', page: pageRequest(args) },
        {
          countriesOfRegion: countriesOfRegionIn(regionsOn(registry)),
          // Entries of agreements the caller may not see are not on its timeline at all.
          ...(scope.kind === 'all' ? {} : { visibility: { key: scopeKey(scope), allows: (id) => visible.has(id) } }),
        },
        API_PAGE_LIMITS,
      );
    }),
  },
  TimelineEntry: {
    agreement: async (entry: TimelineEntry, _args: unknown, context: Context) => {
      const view = await context.loaders.agreement.load(entry.agreementId);
      return view === null || agreementAccess(context.viewer, view) === 'none' ? null : view;
    },
  },
};
