import type { LegalDate } from '../shared/time';
import type { AuditFinding } from './types';

// Shared by the findings a resolution after the day hides; frozen so that no consumer can fill it for all.
const NONE: readonly string[] = Object.freeze([]);

/**
 * The findings as they stood on `today`: those raised by then, a resolution after it not yet shown.
 * Facts dated after `today` still count (the registry refuses future-dated facts, so this only
 * matters when asking about a past day): "what the audit says of the facts now recorded, as of then".
 */
export const findingsOnDay = (findings: readonly AuditFinding[], today: LegalDate): AuditFinding[] => {
  const onDay: AuditFinding[] = [];
  for (const finding of findings) if (finding.raisedOn <= today) onDay.push(shownOnDay(finding, today));
  return onDay;
};

/** A finding raised by `today` as it stood then: a resolution after it not yet shown. */
export const shownOnDay = (finding: AuditFinding, today: LegalDate): AuditFinding =>
  finding.resolvedOn !== null && finding.resolvedOn > today ? { ...finding, resolvedOn: null, resolvedAt: null, resolvedBy: NONE } : finding;
