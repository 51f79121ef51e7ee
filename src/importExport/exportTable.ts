import type { Viewer } from '../access/permissions';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore } from '../eventStore/eventStore';
import type { RegistryReadView } from '../graphql/readModels';

/** One cell: lists become `a|b` in CSV, objects JSON text; null is an empty CSV field. */
export type ExportValue = string | number | boolean | null | readonly (string | number)[] | Readonly<Record<string, unknown>>;

/** A column: its name (CSV header, JSON key) and what it holds (docs/export-format.md). */
export interface ExportColumn<Item> {
  readonly name: string;
  readonly value: (item: Item) => ExportValue;
}

/** What is exported: column names and the rows, produced lazily so large exports stream. */
export interface ExportTable {
  readonly columns: readonly string[];
  readonly rows: AsyncIterable<readonly ExportValue[]> | Iterable<readonly ExportValue[]>;
}

/** The registry an export reads (now or as of an instant), who reads it, and the store for histories. */
export interface ExportSource {
  readonly view: RegistryReadView;
  readonly viewer: Viewer;
  readonly store: EventStore;
  readonly upcasters: UpcasterRegistry;
}

export const tableOf = <Item>(columns: readonly ExportColumn<Item>[], items: Iterable<Item>): ExportTable => ({
  columns: columns.map((column) => column.name),
  rows: (function* rows() {
    for (const item of items) yield columns.map((column) => column.value(item));
  })(),
});

/** `undefined` (a fact not recorded) is an empty cell. */
export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
