import { AGREEMENT_EVENT_TYPES, type CorrectableEventType } from '../../agreements/agreementEvents';
import { isRecord } from '../../shared/inputReader';
import { dataAsInput } from './commandArguments';
import { graphqlFieldName } from './names';

const TYPE_OF_FIELD: ReadonlyMap<string, CorrectableEventType> = new Map(
  AGREEMENT_EVENT_TYPES.filter((type): type is CorrectableEventType => type !== 'FactCorrected').map((type) => [graphqlFieldName(type), type]),
);

export interface CorrectionData {
  /** The data as parseAgreementCommand reads a CorrectFact: correctedType plus correctedData. */
  readonly data: unknown;
  /** Turns the parser's paths back into the paths of the GraphQL input. */
  readonly rebase: (path: string) => string;
}

/**
 * GraphQL has no union inputs, so the corrected data arrives as a @oneOf input whose one field
 * names the corrected event's type (`correctedData: { agreementSigned: {…} }`). The parser wants
 * `correctedType` and `correctedData` side by side; this converts one into the other and back.
 */
export const correctionData = (input: unknown, agreementId: unknown): CorrectionData => {
  if (!isRecord(input) || !isRecord(input['correctedData'])) return { data: input, rebase: dataAsInput };
  const { correctedData: byField, ...rest } = input;
  const given = Object.keys(byField);
  const field = given[0];
  const correctedType = given.length === 1 && field !== undefined ? TYPE_OF_FIELD.get(field) : undefined;
  // @oneOf guarantees exactly one field; anything else is left for the parser to refuse.
  if (field === undefined || correctedType === undefined) return { data: input, rebase: dataAsInput };
  const fact = byField[field];
  // An opening's data repeats the agreement id, which OpenAgreementInput takes as an argument.
  const correctedData = correctedType === 'AgreementOpened' && isRecord(fact) ? { ...fact, agreementId } : fact;
  return {
    data: { ...rest, correctedType, correctedData },
    rebase: (path) => {
      if (path === 'data.correctedData.agreementId') return 'agreementId';
      if (path === 'data.correctedData' || path.startsWith('data.correctedData.') || path.startsWith('data.correctedData[')) {
        return `input.correctedData.${field}${path.slice('data.correctedData'.length)}`;
      }
      return dataAsInput(path);
    },
  };
};
