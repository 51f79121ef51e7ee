import { columnsOfViews, type AgreementColumns, type AgreementsModel } from '../../projections/agreements';

const derived = new WeakMap<AgreementsModel, { readonly position: bigint; readonly size: number; readonly columns: AgreementColumns }>();

/**
 * The columns of a model's agreements, indexed like model.byOrdinal: the projection's own, or for
 * a model derived from it (a reader's restricted model), columns built from its byOrdinal once
 * per model object and position.
 */
export const columnsOf = (model: AgreementsModel): AgreementColumns => {
  const own = model.columns;
  if (own !== undefined && own.views.length === model.byOrdinal.length) return own;
  const cached = derived.get(model);
  if (cached !== undefined && cached.position === model.lastPosition && cached.size === model.byOrdinal.length) return cached.columns;
  const columns = columnsOfViews(model.byOrdinal);
  derived.set(model, { position: model.lastPosition, size: model.byOrdinal.length, columns });
  return columns;
};
