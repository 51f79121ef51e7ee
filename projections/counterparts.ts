import type { AgreementEventData } from '../src/agreements/agreementEvents';
import {
  counterpartKey,
  type AgreementId,
  type Counterpart,
  type CounterpartKind,
} from '../src/agreements/agreementTypes';
import { EncodedRecords, type EncodedRecordsData } from '../src/projectionRunner/encodedRecords';
import type { Projection, SnapshotCodec } from '../src/projectionRunner/projection';
import type { ProjectedEvent } from '../src/projectionRunner/registryEvent';
import type { CountryCode } from '../src/reference';
import { searchKey } from './agreements';

/** One foreign body (or private one, for the kinds that allow it) across every agreement naming it. */
export interface CounterpartEntry {
  /** counterpartKey: kind, country or subdivision, and the name in lower case. */
  readonly key: string;
  readonly kind: CounterpartKind;
  /** The name as first recorded (the key ignores case, so later spellings may differ in case). */
  readonly name: string;
  /** searchKey(name): for search and sorting by name without normalising at query time. */
  readonly nameKey: string;
  readonly country: CountryCode | undefined;
  /** ISO 3166-2 code: the subdivision itself, or a local government's parent subdivision. */
  readonly subdivision: string | undefined;
  /** The counterpart as first recorded, with its external ids. */
  readonly counterpart: Counterpart;
  /** Agreement id → INEGI codes of its Mexican parties. */
  readonly agreements: ReadonlyMap<AgreementId, readonly string[]>;
}

export interface CountryEntry {
  readonly country: CountryCode;
  readonly agreementIds: ReadonlySet<AgreementId>;
  readonly counterpartKeys: ReadonlySet<string>;
}

export interface CounterpartsModel {
  readonly counterparts: ReadonlyMap<string, CounterpartEntry>;
  readonly countries: ReadonlyMap<string, CountryEntry>;
  readonly lastPosition: bigint;
}

interface MutableEntry extends Omit<CounterpartEntry, 'agreements'> {
  readonly agreements: Map<AgreementId, readonly string[]>;
}
interface MutableCountry {
  readonly country: CountryCode;
  readonly agreementIds: Set<AgreementId>;
  readonly counterpartKeys: Set<string>;
}
/** What one agreement contributes, kept to undo it when a correction changes parties or counterparts. */
interface MutableLinks {
  partyCodes: readonly string[];
  readonly openingEventId: string;
  counterparts: { readonly eventId: string; readonly counterpart: Counterpart }[];
}
interface MutableModel {
  counterparts: Map<string, MutableEntry>;
  countries: Map<string, MutableCountry>;
  /**
   * What each agreement contributes, by agreement ordinal in order of opening. Only a correction
   * reads it back (queries find an agreement's parties in `counterparts`), so it is held as bytes
   * until one does (see EncodedRecords): it was two thirds of the model's load from a snapshot.
   */
  linkRecords: EncodedRecords<MutableLinks>;
  linkOrdinals: Map<AgreementId, number>;
  lastPosition: bigint;
}

const countryOf = (counterpart: Counterpart): CountryCode | undefined => ('country' in counterpart ? counterpart.country : undefined);

const subdivisionOf = (counterpart: Counterpart): string | undefined =>
  counterpart.kind === 'foreign-subnational-government'
    ? counterpart.subdivision
    : counterpart.kind === 'foreign-local-government'
      ? counterpart.parentSubdivision
      : undefined;

const link = (model: MutableModel, id: AgreementId, partyCodes: readonly string[], counterpart: Counterpart): void => {
  const key = counterpartKey(counterpart);
  let entry = model.counterparts.get(key);
  const country = countryOf(counterpart);
  if (entry === undefined) {
    entry = { key, kind: counterpart.kind, name: counterpart.name, nameKey: searchKey(counterpart.name), country, subdivision: subdivisionOf(counterpart), counterpart, agreements: new Map() };
    model.counterparts.set(key, entry);
  }
  entry.agreements.set(id, partyCodes);
  if (country !== undefined) {
    let entity = model.countries.get(country);
    if (entity === undefined) {
      entity = { country, agreementIds: new Set(), counterpartKeys: new Set() };
      model.countries.set(country, entity);
    }
    entity.agreementIds.add(id);
    entity.counterpartKeys.add(key);
  }
};

const unlinkAll = (model: MutableModel, id: AgreementId, links: MutableLinks): void => {
  for (const { counterpart } of links.counterparts) {
    const key = counterpartKey(counterpart);
    const entry = model.counterparts.get(key);
    if (entry === undefined) continue;
    entry.agreements.delete(id);
    const country = model.countries.get(countryOf(counterpart) ?? '');
    if (country !== undefined) {
      country.agreementIds.delete(id);
      if (entry.agreements.size === 0) country.counterpartKeys.delete(key);
      if (country.agreementIds.size === 0 && country.counterpartKeys.size === 0) model.countries.delete(country.country);
    }
    if (entry.agreements.size === 0) model.counterparts.delete(key);
  }
};

const linkAll = (model: MutableModel, id: AgreementId, links: MutableLinks): void => {
  for (const { counterpart } of links.counterparts) link(model, id, links.partyCodes, counterpart);
};

const partyCodesOf = (data: AgreementEventData['AgreementOpened']): readonly string[] => data.parties.map((party) => party.code);

const apply = (counterparts: CounterpartsModel, projected: ProjectedEvent): void => {
  const model = counterparts as unknown as MutableModel;
  const { event } = projected;
  switch (event.type) {
    case 'AgreementOpened': {
      const id = event.data.agreementId;
      if (model.linkOrdinals.has(id)) return;
      const links: MutableLinks = {
        partyCodes: partyCodesOf(event.data),
        openingEventId: projected.id,
        counterparts: event.data.counterparts.map((counterpart) => ({ eventId: projected.id, counterpart })),
      };
      model.linkOrdinals.set(id, model.linkRecords.length);
      model.linkRecords.push(links);
      linkAll(model, id, links);
      model.lastPosition = projected.position;
      return;
    }
    case 'CounterpartIdentified': {
      const id = projected.agreementId;
      const links = linksToChange(model, id);
      if (id === null || links === undefined) return;
      links.counterparts.push({ eventId: projected.id, counterpart: event.data.counterpart });
      link(model, id, links.partyCodes, event.data.counterpart);
      model.lastPosition = projected.position;
      return;
    }
    case 'FactCorrected': {
      const { correctedType, correctedEventId } = event.data;
      if (correctedType !== 'AgreementOpened' && correctedType !== 'CounterpartIdentified') return;
      const id = projected.agreementId;
      const links = linksToChange(model, id);
      if (id === null || links === undefined) return;
      unlinkAll(model, id, links);
      if (correctedType === 'AgreementOpened' && correctedEventId === links.openingEventId) {
        const data = event.data.correctedData as AgreementEventData['AgreementOpened'];
        const identified = links.counterparts.filter((known) => known.eventId !== links.openingEventId);
        links.partyCodes = partyCodesOf(data);
        links.counterparts = [...data.counterparts.map((counterpart) => ({ eventId: correctedEventId, counterpart })), ...identified];
      } else if (correctedType === 'CounterpartIdentified') {
        const { counterpart } = event.data.correctedData as AgreementEventData['CounterpartIdentified'];
        links.counterparts = links.counterparts.map((known) => (known.eventId === correctedEventId ? { eventId: correctedEventId, counterpart } : known));
      }
      linkAll(model, id, links);
      model.lastPosition = projected.position;
      return;
    }
    default:
      return;
  }
};

const linksToChange = (model: MutableModel, id: AgreementId | null): MutableLinks | undefined => {
  const ordinal = id === null ? undefined : model.linkOrdinals.get(id);
  return ordinal === undefined ? undefined : model.linkRecords.mutable(ordinal);
};

/** What a snapshot holds: the links as their bytes, with the agreement ids by ordinal. */
interface StoredCounterparts extends Omit<MutableModel, 'linkRecords' | 'linkOrdinals'> {
  readonly linkIds: readonly AgreementId[];
  readonly linkRecords: EncodedRecordsData;
}

const counterpartsCodec: SnapshotCodec<CounterpartsModel> = {
  encode: (counterparts): StoredCounterparts => {
    const { linkRecords, linkOrdinals, ...rest } = counterparts as unknown as MutableModel;
    return { ...rest, linkIds: [...linkOrdinals.keys()], linkRecords: linkRecords.encode() };
  },
  decode: (stored): CounterpartsModel => {
    const { linkIds, linkRecords: encoded, ...rest } = stored as StoredCounterparts;
    const linkRecords = EncodedRecords.decoded<MutableLinks>(encoded);
    if (linkIds.length !== linkRecords.length) throw new Error(`counterparts snapshot: ${linkIds.length} ids for ${linkRecords.length} links`);
    const model: MutableModel = { ...rest, linkRecords, linkOrdinals: new Map(linkIds.map((id, ordinal) => [id, ordinal])) };
    return model as unknown as CounterpartsModel;
  },
};

export const counterpartsProjection: Projection<CounterpartsModel> = {
  name: 'counterparts',
  // 2: links held as bytes until a correction reads them (snapshot codec). 3: catalogued
  // organisations keyed by their id (counterpartKey), whatever name they were recorded under.
  version: 3,
  create: () => {
    const model: MutableModel = { counterparts: new Map(), countries: new Map(), linkRecords: EncodedRecords.empty(), linkOrdinals: new Map(), lastPosition: -1n };
    return model as unknown as CounterpartsModel;
  },
  apply,
  snapshot: counterpartsCodec,
};
