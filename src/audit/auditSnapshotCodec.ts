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
  /** The latest checkpoints before the snapshot (see JudgedFindings.checkpoint), oldest first. */
  readonly checkpoints: readonly JudgedFindingsData[];
}

// Judged by other rules, the findings would be stale: the agreements are judged again as asked.
const byTheseRules = (stored: StoredJudgements): boolean => stored.rulesVersion === AUDIT_RULES_VERSION;

/**
 * Agreements go into a snapshot as their bytes and come back undecoded (see EncodedRecords): a
 * load builds no fact object, and an evaluator decodes only the agreements it judges again. Each
 * agreement's findings go with them, judged as of the snapshot (see JudgedFindings).
 */
export const auditSnapshotCodec: SnapshotCodec<AuditModel> = {
  encode: (model): StoredAudit => {
    const judged: StoredJudgements = { rulesVersion: AUDIT_RULES_VERSION, findings: judgeWhatChanged(model).encode(), checkpoints: checkpointsOf(model) };
    const { agreements: _byId, records, sequences, ...rest } = model;
    return { ...rest, ids: [...sequences.keys()], records: records.encode(), judged };
  },
  decode: (stored): AuditModel => {
    const { ids, records: encoded, judged: storedJudged, ...rest } = stored as StoredAudit;
    const records = EncodedRecords.decoded<AuditAgreement>(encoded);
    if (ids.length !== records.length || rest.changedAt.length !== records.length || rest.pairKeys.length !== records.length) {
      throw new Error(`audit snapshot: ${ids.length} ids and ${rest.changedAt.length} stamps for ${records.length} agreements`);
    }
    const current = byTheseRules(storedJudged);
    const judged = current ? JudgedFindings.decoded(storedJudged.findings) : JudgedFindings.empty();
    if (judged.length > records.length) throw new Error(`audit snapshot: findings judged for ${judged.length} of ${records.length} agreements`);
    const sequences = new Map(ids.map((id, sequence) => [id, sequence]));
    const model: AuditModel = { ...rest, agreements: new RecordsByKey(sequences, records), records, sequences };
    restoreJudgedFindings(model, judged);
    restoreCheckpoints(model, current ? storedJudged.checkpoints : []);
    return model;
  },
  lendable: {
    field: 'judged',
    // A model as of an earlier instant borrows the judgements of a later snapshot and of the
    // checkpoints before it (lendJudgedFindings), the snapshot's first: it holds every agreement.
    lend: (model, stored) => {
      const judged = stored as StoredJudgements;
      if (!byTheseRules(judged)) return;
      lendJudgedFindings(model, [judged.findings, ...[...judged.checkpoints].reverse()].map((data) => JudgedFindings.decoded(data)));
    },
    checkpoint: (model, keep) => {
      const checkpoint = judgeWhatChanged(model).checkpoint();
      if (checkpoint) keepCheckpoint(model, checkpoint, keep);
    },
  },
};
