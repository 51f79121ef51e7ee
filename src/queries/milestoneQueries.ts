import type { AgreementEventData } from '../agreements/agreementEvents';
import type { Instant } from '../shared/time';
import type { HistoryEntry } from '../timeTravel/agreementHistory';

type MilestoneData = AgreementEventData['CooperationMilestoneRecorded'];

export interface MilestoneRecord extends MilestoneData {
  readonly eventId: string;
  readonly recordedAt: Instant;
  /** A later FactCorrected replaced the data shown. */
  readonly corrected: boolean;
}

/**
 * The cooperation milestones of an agreement from its history, as corrected, by date (then in the
 * order recorded). The read model keeps only counts and the latest milestone: descriptions, themes
 * and amounts would dominate its memory at a million events, so they are read from the stream.
 */
export const milestonesFromHistory = (entries: readonly HistoryEntry[]): MilestoneRecord[] => {
  const milestones = new Map<string, MilestoneRecord>();
  for (const entry of entries) {
    if (entry.type === 'CooperationMilestoneRecorded') {
      milestones.set(entry.eventId, { ...(entry.data as MilestoneData), eventId: entry.eventId, recordedAt: entry.recordedAt, corrected: false });
    } else if (entry.type === 'FactCorrected') {
      const correction = entry.data as AgreementEventData['FactCorrected'];
      const original = milestones.get(correction.correctedEventId);
      if (correction.correctedType === 'CooperationMilestoneRecorded' && original !== undefined) {
        milestones.set(original.eventId, { ...(correction.correctedData as MilestoneData), eventId: original.eventId, recordedAt: original.recordedAt, corrected: true });
      }
    }
  }
  return [...milestones.values()].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
};

/** The entries recorded up to an instant: the history as the registry knew it then. */
export const historyUpTo = (entries: readonly HistoryEntry[], instant: string | null): readonly HistoryEntry[] => {
  if (instant === null) return entries;
  const limit = Date.parse(instant);
  return entries.filter((entry) => Date.parse(entry.recordedAt) <= limit);
};
