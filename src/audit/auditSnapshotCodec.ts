import { EncodedRecords, RecordsByKey, type EncodedRecordsData } from '../projectionRunner/encodedRecords';
import type { SnapshotCodec } from '../projectionRunner/projection';
import type { AuditAgreement, AuditModel } from './auditModel';
import { AUDIT_RULES_VERSION, judgeWhatChanged } from './evaluateFindings';
import { JudgedFindings, lendJudgedFindings, restoreJudgedFindings, type JudgedFindingsData } from './judgedFindings';

/** What a snapshot holds: the agreements as their bytes, their ids by sequence for the lookup map, and their findings. */
interface StoredAudit extends Omit<AuditModel, 'agreements' | 'records' | 'sequences'> {
  readonly ids: readonly string[];
  readonly records: EncodedRecordsData;
  readonly judged: StoredJudgements;
}

interface StoredJudgements {
  /** AUDIT_RULES_VERSION of the rules that judged them: judgements of other rules are dropped. */
  readonly rulesVersion: number;
  readonly findings: JudgedFindingsData;
}

// Judged by other rules, the findings would be stale: the agreements are judged again as asked.
const judgementsOf = ({ rulesVersion, findings }: StoredJudgements): JudgedFindings =>
  rulesVersion === AUDIT_RULES_VERSION ? JudgedFindings.decoded(findings) : JudgedFindings.empty();

/**
 * Agreements go into a snapshot as their bytes and come back undecoded (see EncodedRecords): a
 * load builds no fact object, and an evaluator decodes only the agreements it judges again. Each
 * agreement's findings go with them, judged as of the snapshot (see JudgedFindings).
 */
export const auditSnapshotCodec: SnapshotCodec<AuditModel> = {
  encode: (model): StoredAudit => {
    const judged: StoredJudgements = { rulesVersion: AUDIT_RULES_VERSION, findings: judgeWhatChanged(model).encode() };
    const { agreements: _byId, records, sequences, ...rest } = model;
    return { ...rest, ids: [...sequences.keys()], records: records.encode(), judged };
  },
  decode: (stored): AuditModel => {
    const { ids, records: encoded, judged: storedJudged, ...rest } = stored as StoredAudit;
    const records = EncodedRecords.decoded<AuditAgreement>(encoded);
    if (ids.length !== records.length || rest.changedAt.length !== records.length || rest.pairKeys.length !== records.length) {
      throw new Error(`audit snapshot: ${ids.length} ids and ${rest.changedAt.length} stamps for ${records.length} agreements`);
    }
    const judged = judgementsOf(storedJudged);
    if (judged.length > records.length) throw new Error(`audit snapshot: findings judged for ${judged.length} of ${records.length} agreements`);
    const sequences = new Map(ids.map((id, sequence) => [id, sequence]));
    const model: AuditModel = { ...rest, agreements: new RecordsByKey(sequences, records), records, sequences };
    restoreJudgedFindings(model, judged);
    return model;
  },
  // A model as of an earlier instant borrows the judgements of a later snapshot (lendJudgedFindings).
  lendable: { field: 'judged', lend: (model, stored) => lendJudgedFindings(model, judgementsOf(stored as StoredJudgements)) },
};
