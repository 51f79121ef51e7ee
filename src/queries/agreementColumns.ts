import { columnsOfViews, type AgreementColumns, type AgreementsModel } from '../../projections/agreements';

/*
 * A reader's restricted model (src/queries/visibleModels.ts) shares the projection's ordinals: its
 * byOrdinal and columns are the projection's own, hidden agreements included, so it costs nothing
 * to build after an event and every cache keyed by columns (sort orders, id ranks) serves it too.
 * Its maps and sets (agreements, byState…) show visible agreements only, but a scan over ordinals
 * must skip the hidden ones itself: it reads them through scanOf.
 */
interface Restriction {
  readonly base: AgreementsModel;
  readonly visible: Uint8Array;
}
const restrictions = new WeakMap<AgreementsModel, Restriction>();

/** Declares `model` a restricted form of `base` in which only ordinals with visible[ordinal] === 1 are seen. */
export const registerRestriction = (model: AgreementsModel, base: AgreementsModel, visible: Uint8Array): void => {
  restrictions.set(model, { base, visible });
};

const derived = new WeakMap<AgreementsModel, { readonly position: bigint; readonly size: number; readonly columns: AgreementColumns }>();

/**
 * The columns of a model's agreements, indexed like model.byOrdinal: the projection's own, or for
 * a model derived from it without columns, columns built from its byOrdinal once per model object
 * and position. A restricted model has its projection's columns, hidden agreements included.
 */
export const columnsOf = (model: AgreementsModel): AgreementColumns => {
  const base = restrictions.get(model)?.base ?? model;
  const own = base.columns;
  if (own !== undefined && own.views.length === base.byOrdinal.length) return own;
  const cached = derived.get(base);
  if (cached !== undefined && cached.position === base.lastPosition && cached.size === base.byOrdinal.length) return cached.columns;
  const columns = columnsOfViews(base.byOrdinal);
  derived.set(base, { position: base.lastPosition, size: base.byOrdinal.length, columns });
  return columns;
};

/** What a scan over a model's agreements reads. */
export interface ColumnScan {
  /** The model whose indexes (byState…) cover every scanned ordinal: the projection's, for a restricted model. */
  readonly model: AgreementsModel;
  readonly columns: AgreementColumns;
  /** visible[ordinal] === 1 for the agreements the reader sees; undefined when nothing is hidden. */
  readonly visible: Uint8Array | undefined;
}

export const scanOf = (model: AgreementsModel): ColumnScan => {
  const restriction = restrictions.get(model);
  return { model: restriction?.base ?? model, columns: columnsOf(model), visible: restriction?.visible };
};
