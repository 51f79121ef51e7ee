import { EncodedRecords, RecordsByKey, type EncodedRecordsData } from '../projectionRunner/encodedRecords';
import type { SnapshotCodec } from '../projectionRunner/projection';
import type { AuditAgreement, AuditModel } from './auditModel';

/** What a snapshot holds: the agreements as their bytes, their ids by sequence for the lookup map. */
interface StoredAudit extends Omit<AuditModel, 'agreements' | 'records' | 'sequences'> {
  readonly ids: readonly string[];
  readonly records: EncodedRecordsData;
}

/**
 * Agreements go into a snapshot as their bytes and come back undecoded (see EncodedRecords): a
 * load builds no fact object, and an evaluator decodes only the agreements it judges again.
 */
export const auditSnapshotCodec: SnapshotCodec<AuditModel> = {
  encode: (model): StoredAudit => {
    const { agreements: _byId, records, sequences, ...rest } = model;
    return { ...rest, ids: [...sequences.keys()], records: records.encode() };
  },
  decode: (stored): AuditModel => {
    const { ids, records: encoded, ...rest } = stored as StoredAudit;
    const records = EncodedRecords.decoded<AuditAgreement>(encoded);
    if (ids.length !== records.length || rest.changedAt.length !== records.length || rest.pairKeys.length !== records.length) {
      throw new Error(`audit snapshot: ${ids.length} ids and ${rest.changedAt.length} stamps for ${records.length} agreements`);
    }
    const sequences = new Map(ids.map((id, sequence) => [id, sequence]));
    return { ...rest, agreements: new RecordsByKey(sequences, records), records, sequences };
  },
};
