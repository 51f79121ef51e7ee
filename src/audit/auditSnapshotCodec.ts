import { EncodedRecords, RecordsByKey, type EncodedRecordsData } from '../projectionRunner/encodedRecords';
import type { SnapshotCodec } from '../projectionRunner/projection';
import type { AuditAgreement, AuditModel } from './auditModel';
import { AUDIT_RULES_VERSION, judgeWhatChanged } from './evaluateFindings';
import {
  checkpointsOf,
  JudgedFindings,
  keepCheckpoint,
  lendJudgedFindings,
  restoreCheckpoints,
  restoreJudgedFindings,
  type JudgedFindingsData,
} from './judgedFindings';

/**
 * What a snapshot holds: the agreements as their bytes, their ids by sequence for the lookup map,
 * their findings and the checkpoints of those (absent from a model loaded to be folded to an
 * instant: see SnapshotCodec.lendable).
 */
interface StoredAudit extends Omit<AuditModel, 'agreements' | 'records' | 'sequences'> {
  readonly ids: readonly string[];
  readonly records: EncodedRecordsData;
  readonly judged: StoredJudgements;
  readonly checkpoints?: StoredCheckpoints;
}

/** Each judgement's findings stored by AUDIT_RULES_VERSION of the rules that judged them: judgements of other rules are dropped. */
interface StoredJudgements {
  readonly rulesVersion: number;
  readonly findings: JudgedFindingsData;
}

interface StoredCheckpoints {
  readonly rulesVersion: number;
  /** The latest checkpoints before the snapshot (see JudgedFindings.checkpoint), oldest first. */
  readonly list: readonly JudgedFindingsData[];
}

// Judged by other rules, the findings would be stale: the agreements are judged again as asked.
const byTheseRules = <Stored extends { readonly rulesVersion: number }>(stored: Stored | undefined): stored is Stored => stored?.rulesVersion === AUDIT_RULES_VERSION;

/**
 * Agreements go into a snapshot as their bytes and come back undecoded (see EncodedRecords): a
 * load builds no fact object, and an evaluator decodes only the agreements it judges again. Each
 * agreement's findings go with them, judged as of the snapshot (see JudgedFindings).
 */
export const auditSnapshotCodec: SnapshotCodec<AuditModel> = {
  encode: (model): StoredAudit => {
    const judged: StoredJudgements = { rulesVersion: AUDIT_RULES_VERSION, findings: judgeWhatChanged(model).encode() };
    const checkpoints: StoredCheckpoints = { rulesVersion: AUDIT_RULES_VERSION, list: checkpointsOf(model) };
    const { agreements: _byId, records, sequences, ...rest } = model;
    return { ...rest, ids: [...sequences.keys()], records: records.encode(), judged, checkpoints };
  },
  decode: (stored): AuditModel => {
    const { ids, records: encoded, judged: storedJudged, checkpoints, ...rest } = stored as StoredAudit;
    const records = EncodedRecords.decoded<AuditAgreement>(encoded);
    if (ids.length !== records.length || rest.changedAt.length !== records.length || rest.pairKeys.length !== records.length) {
      throw new Error(`audit snapshot: ${ids.length} ids and ${rest.changedAt.length} stamps for ${records.length} agreements`);
    }
    const judged = byTheseRules(storedJudged) ? JudgedFindings.decoded(storedJudged.findings) : JudgedFindings.empty();
    if (judged.length > records.length) throw new Error(`audit snapshot: findings judged for ${judged.length} of ${records.length} agreements`);
    const sequences = new Map(ids.map((id, sequence) => [id, sequence]));
    const model: AuditModel = { ...rest, agreements: new RecordsByKey(sequences, records), records, sequences };
    restoreJudgedFindings(model, judged);
    restoreCheckpoints(model, byTheseRules(checkpoints) ? checkpoints.list : []);
    return model;
  },
  lendable: {
    field: 'judged',
    history: 'checkpoints',
    // A model as of an earlier instant borrows the judgements of a later snapshot and of the
    // checkpoints before it (lendJudgedFindings), the snapshot's first: it holds every agreement.
    lend: (model, stored, history) => {
      const judged = stored as StoredJudgements;
      const checkpoints = history as StoredCheckpoints | undefined;
      const lent = [...(byTheseRules(judged) ? [judged.findings] : []), ...(byTheseRules(checkpoints) ? [...checkpoints.list].reverse() : [])];
      lendJudgedFindings(model, lent.map((data) => JudgedFindings.decoded(data)));
    },
    checkpoint: (model, keep) => {
      const checkpoint = judgeWhatChanged(model).checkpoint();
      if (checkpoint) keepCheckpoint(model, checkpoint, keep);
    },
  },
};
