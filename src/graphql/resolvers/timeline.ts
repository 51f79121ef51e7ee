import { countriesOfRegionIn } from '../../queries/counting';
import { searchTimeline } from '../../queries/timelineQueries';
import { scopeKey } from '../../queries/visibleModels';
import { API_PAGE_LIMITS, pageRequest } from '../connections';
import { assertRegionsIn, timelineFilter } from '../filters';
import type { Resolvers } from '../generated/schemaTypes';
import { liveReadView, regionsOn, visibleAgreements } from '../readModels';
import { agreementAccess, agreementScope } from '../visibility';
import { rootQuery } from './query';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: rootQuery((args, context) => {
      const registry = liveReadView(context);
      const scope = agreementScope(context.viewer);
      const visible = visibleAgreements(registry, context.viewer).agreements;
      const filter = timelineFilter(args.filter);
      assertRegionsIn(filter.regions, regionsOn(registry));
      return searchTimeline(
        registry.timeline,
        { filter, order: args.order === 'DESC' ? 'desc' : 'asc', page: pageRequest(args) },
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
    agreement: async (entry, _args, context) => {
      const view = await context.loaders.agreement.load(entry.agreementId);
      return view === null || agreementAccess(context.viewer, view) === 'none' ? null : view;
    },
  },
};
