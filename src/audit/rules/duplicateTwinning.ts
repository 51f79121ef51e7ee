import type { Instant, LegalDate } from '../../shared/time';
import { agreementEnd } from '../agreementEnd';
import { TWINNING_KINDS, knownAt, type AuditAgreement, type AuditModel, type FactSource } from '../auditModel';
import { maxInstant } from '../dates';
import { NO_FINDINGS, type AuditRule, type Resolution, type RuleContext } from './rule';

/** Earlier twinnings named per finding; a real duplicate has one or two, a bad import thousands. */
export const MAX_RELATED_TWINNINGS = 10;

/** One twinning's membership of a pair group. */
interface Member {
  readonly agreement: AuditAgreement;
  /** The fact that brought the pair in (opening, or identification of the counterpart). */
  readonly fact: FactSource;
  readonly since: LegalDate;
  /** First day out of force, null while open-ended; with `endedBy`, the resolution it offers. */
  readonly endsFrom: LegalDate | null;
  readonly endedBy: FactSource | null;
}

/** What the group says about one member that duplicates earlier ones. */
interface Duplicate {
  readonly since: LegalDate;
  readonly fact: FactSource;
  /** Earlier members live on `since`, in order of their start, at most MAX_RELATED_TWINNINGS. */
  readonly earlier: readonly Member[];
  /** When no earlier member is live alongside it any more; null while one still is. */
  readonly resolution: Resolution | null;
}

interface Node {
  readonly member: Member;
  next: Node | null;
}

/**
 * Sweeps one pair group in order of start: each member is compared with a running maximum of the
 * earlier members' ends and a list of the earlier ones still live, from which ended members are
 * dropped once for all (starts only grow). A group of n twinnings costs n log n, not n², even when
 * an import files thousands under one pair.
 */
const sweepGroup = (model: AuditModel, key: string): ReadonlyMap<string, Duplicate> => {
  const duplicates = new Map<string, Duplicate>();
  const members: Member[] = [];
  for (const id of model.twinningPairs.get(key) ?? []) {
    const agreement = model.agreements.get(id);
    const entry = agreement?.counterparts.find((candidate) => agreement.parties.some((party) => key === `${party.code}|${candidate.key}`));
    if (!agreement || !entry) continue;
    const end = agreementEnd(agreement);
    members.push({ agreement, fact: entry.fact, since: entry.addedOn, endsFrom: end.endsFrom, endedBy: end.endedBy });
  }
  if (members.length < 2) return duplicates;
  members.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.agreement.sequence - b.agreement.sequence));

  const head: { next: Node | null } = { next: null };
  let tail: { next: Node | null } = head;
  // Latest end among earlier members (open-ended wins); live ones always end after dead ones.
  let latest: Member | null = null;
  for (const member of members) {
    const ownEndIsLater = member.endsFrom === null || member.endsFrom > member.since;
    const someEarlierLive = latest !== null && (latest.endsFrom === null || latest.endsFrom > member.since);
    if (ownEndIsLater && someEarlierLive && latest) {
      const earlier: Member[] = [];
      let previous: { next: Node | null } = head;
      for (let node = head.next; node !== null && earlier.length < MAX_RELATED_TWINNINGS; node = node.next) {
        const candidate = node.member;
        if (candidate.endsFrom !== null && candidate.endsFrom <= member.since) {
          previous.next = node.next;
          if (tail === node) tail = previous;
          continue;
        }
        earlier.push(candidate);
        previous = node;
      }
      duplicates.set(member.agreement.agreementId, {
        since: member.since,
        fact: member.fact,
        earlier,
        resolution: overlapEnd(member, latest),
      });
    }
    const node: Node = { member, next: null };
    tail.next = node;
    tail = node;
    if (latest === null || (latest.endsFrom !== null && (member.endsFrom === null || member.endsFrom > latest.endsFrom))) latest = member;
  }
  return duplicates;
};

/** The overlap of two live members ends when the first of them ends. */
const overlapEnd = (own: Member, other: Member): Resolution | null => {
  if (own.endsFrom === null) return other.endsFrom === null ? null : { on: other.endsFrom, by: other.endedBy };
  if (other.endsFrom === null || own.endsFrom <= other.endsFrom) return { on: own.endsFrom, by: own.endedBy };
  return { on: other.endsFrom, by: other.endedBy };
};

const groupOf = (context: RuleContext, key: string): ReadonlyMap<string, Duplicate> => {
  const cacheKey = `DUPLICATE_TWINNING|${key}`;
  let group = context.evaluationCache.get(cacheKey) as ReadonlyMap<string, Duplicate> | undefined;
  if (!group) {
    group = sweepGroup(context.model, key);
    context.evaluationCache.set(cacheKey, group);
  }
  return group;
};

/**
 * Two twinnings (formal or declaratory) of the same pair, both live at once: the same Mexican party
 * (state or municipal code) with the same foreign counterpart (`counterpartKey`: kind, place and
 * case-folded name). A twinning is live from the day its pair appears (opening, or identification
 * of the counterpart) until its termination or the day after it expires; twinning again after the
 * first one ended is legitimate, and so is one ending the day the other starts.
 *
 * Raised on the later twinning only (the earlier is the original; `relatedAgreementIds` names up to
 * MAX_RELATED_TWINNINGS of the earlier ones live then), on the day the pair appeared in it; ties on
 * that day go to the one opened later in the log. Resolved when no earlier duplicate is live
 * alongside it any more: the day the later of them ends, or the day it ends itself, by a termination
 * (resolvedAt its recording) or by expiry (resolvedAt null).
 */
export const duplicateTwinning: AuditRule = {
  code: 'DUPLICATE_TWINNING',
  severity: 'data-quality',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Hermanamiento duplicado', en: 'Duplicate twinning' },
  basis: 'Coherencia del registro',
  evaluate: (context) => {
    const { agreement } = context;
    if (agreement.pairKeys.length === 0 || !TWINNING_KINDS.includes(agreement.kind)) return NO_FINDINGS;
    const related: string[] = [];
    const evidence: FactSource[] = [];
    let raisedOn: LegalDate | null = null;
    let raisedAt: Instant | null = null;
    let resolution: Resolution | null = null;
    let unresolved = false;
    for (const key of agreement.pairKeys) {
      // Most pairs have a single twinning: no group to sweep.
      if ((context.model.twinningPairs.get(key)?.length ?? 0) < 2) continue;
      const duplicate = groupOf(context, key).get(agreement.agreementId);
      if (!duplicate) continue;
      if (!evidence.includes(duplicate.fact)) evidence.push(duplicate.fact);
      if (raisedOn === null || duplicate.since < raisedOn) raisedOn = duplicate.since;
      for (const earlier of duplicate.earlier) {
        if (!related.includes(earlier.agreement.agreementId) && related.length < MAX_RELATED_TWINNINGS) related.push(earlier.agreement.agreementId);
        if (!evidence.includes(earlier.fact)) evidence.push(earlier.fact);
        const at = maxInstant(knownAt(duplicate.fact), knownAt(earlier.fact));
        if (raisedAt === null || at < raisedAt) raisedAt = at;
      }
      if (duplicate.resolution === null) unresolved = true;
      else if (resolution === null || duplicate.resolution.on > resolution.on) resolution = duplicate.resolution;
    }
    if (raisedOn === null || raisedAt === null) return NO_FINDINGS;
    related.sort();
    return [
      {
        occurrence: null,
        raisedOn,
        raisedAt,
        evidence,
        resolution: unresolved ? null : resolution,
        relatedAgreementIds: related,
        // The twinnings it duplicates are named by relatedAgreements, which each reader sees only
        // as far as it may: their ids in this text would show them to everyone.
        explanation: {
          es: related.length === 1 ? 'Duplica otro hermanamiento vigente entre las mismas partes.' : `Duplica otros ${related.length} hermanamientos vigentes entre las mismas partes.`,
          en: related.length === 1 ? 'Duplicates another live twinning between the same parties.' : `Duplicates ${related.length} other live twinnings between the same parties.`,
        },
      },
    ];
  },
};
