import type { Viewer } from '../access/permissions';
import { entityPortfolio, type EntityPortfolio } from '../queries/entityQueries';
import { placeOf, type PlaceInfo } from '../queries/referenceLookups';
import { regionsOn, visibleAgreements, type RegistryReadView } from './readModels';
import { mayReadEntityProfile } from './visibility';

/*
 * What resolvers of the object types receive as parent, where it is not a read-model record
 * itself (the mappers of scripts/generateSchemaTypes.ts). `Agreement` receives the read model's
 * AgreementView, so that any resolver (mutation payloads included) can return one; the parents
 * built here carry a `__typename` so that `Node` can tell them apart.
 */

export interface EntityParent {
  readonly __typename: 'Entity';
  readonly code: string;
  readonly place: PlaceInfo;
  readonly portfolio: EntityPortfolio;
  /** Whether the caller may read the profile (objectives, networks). */
  readonly profileVisible: boolean;
  readonly view: RegistryReadView;
}

/** An entity as the viewer sees it: its portfolio over the agreements the viewer may see. */
export const entityParent = (view: RegistryReadView, viewer: Viewer, code: string): EntityParent => ({
  __typename: 'Entity',
  code,
  place: placeOf(code),
  portfolio: entityPortfolio(visibleAgreements(view, viewer), view.entities, code, { today: view.day, regions: regionsOn(view) }),
  profileVisible: mayReadEntityProfile(viewer, code),
  view,
});
