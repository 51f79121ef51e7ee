import type { ProjectedEvent } from './registryEvent';

/**
 * A read model built by folding events (files in `projections/`, one per read model).
 *
 * `apply` mutates the model it is given: at a million events, copying maps on every event would
 * cost more than the rest of the rebuild. It must still behave as a pure function of the events:
 * deterministic, no I/O, no clock (time-dependent answers are computed at query time from an
 * injected `today`), so that a rebuild gives exactly the model the live run built.
 *
 * Models are plain data (objects, arrays, Map, Set, bigint; no class instances or functions) so
 * that a snapshot can be written with `v8.serialize` and read back whole.
 */
export interface Projection<Model> {
  readonly name: string;
  /** Bump whenever `apply` or the model's shape changes: snapshots of other versions are discarded. */
  readonly version: number;
  readonly create: () => Model;
  // Method syntax on purpose: it lets a runner hold Projection<A> and Projection<B> as Projection<unknown>.
  apply(model: Model, event: ProjectedEvent): void;
  /**
   * How the model is written into a snapshot, when plain `v8.serialize` of the model is not the
   * cheapest to load (see snapshotFile). Bump `version` whenever the encoding changes.
   */
  readonly snapshot?: SnapshotCodec<Model>;
}

export interface SnapshotCodec<Model> {
  /** Plain data for `v8.serialize`; it may share structure with the model (it is written at once). */
  encode(model: Model): unknown;
  /** The model back from what `encode` gave, as `apply` expects to continue folding it. */
  decode(stored: unknown): Model;
  /**
   * A field of what `encode` gives that a model folded to an earlier position can borrow from a
   * later snapshot: a cache whose every entry names the state it was computed for (the audit's
   * judged findings), so an entry is reused only where that state did not change in between.
   * Written as a section of its own, so that it is read without the rest of the model
   * (readSnapshotParts); `lend` hands it, as stored, to the earlier model.
   *
   * `checkpoint`, if given, is called by a runner keeping history snapshots, every so many events
   * between them: it sets aside what the cache computed since the last checkpoint, the `keep`
   * latest, for the next snapshots to carry in the field named `history` (a section of its own
   * too, lent with `field`). A model folded to an instant between two snapshots then borrows
   * entries computed near that instant, not only at the next snapshot. A model loaded to be
   * folded to an instant, never written again, is loaded without its history.
   */
  readonly lendable?: {
    readonly field: string;
    readonly history?: string;
    lend(model: Model, stored: unknown, history: unknown): void;
    checkpoint?(model: Model, keep: number): void;
  };
}

/** The fields a codec writes as sections of their own (see SnapshotCodec.lendable): the lendable field, then its history. */
export const lendableFields = (codec: SnapshotCodec<unknown> | undefined): readonly string[] => {
  const lendable = codec?.lendable;
  if (lendable === undefined) return [];
  return lendable.history === undefined ? [lendable.field] : [lendable.field, lendable.history];
};
