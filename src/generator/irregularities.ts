import { Rng } from './rng';

/**
 * The irregular cases the generator plants on purpose, one per agreement at most, each raising an
 * audit finding (or, for `correction`, exercising corrections). The registry records all of them by
 * design: legality and policy are the audit's business, not the deciders'.
 */
export const IRREGULAR_CASES = [
  'signed-without-opinion',
  'signed-after-unfavourable-opinion',
  'opinion-after-signature',
  'never-registered',
  'registered-late',
  'private-counterpart',
  'state-with-foreign-national-government',
  'foreign-currency-loan',
  'municipal-federal-theme',
  'outside-priority',
  'dormant',
  'milestone-after-termination',
  'milestone-after-expiry',
  'duplicate-twinning',
  'declaratory-never-signed',
  'correction',
] as const;
export type IrregularCase = (typeof IRREGULAR_CASES)[number];

/**
 * How many agreements of each block of BLOCK_SIZE get each case: rates of 1.5–4 %, a third of the
 * agreements in all. A fixed count per block, at shuffled positions, instead of a coin per
 * agreement: every case then appears in every full block, so even a few hundred agreements
 * show each one, at the same rate in a small history as in a large one.
 */
export const BLOCK_SIZE = 200;
const SLOTS_PER_BLOCK: Readonly<Record<IrregularCase, number>> = {
  'signed-without-opinion': 5,
  'signed-after-unfavourable-opinion': 3,
  'opinion-after-signature': 3,
  'never-registered': 5,
  'registered-late': 5,
  'private-counterpart': 3,
  'state-with-foreign-national-government': 3,
  'foreign-currency-loan': 3,
  'municipal-federal-theme': 3,
  'outside-priority': 4,
  dormant: 8,
  'milestone-after-termination': 3,
  'milestone-after-expiry': 3,
  'duplicate-twinning': 3,
  'declaratory-never-signed': 5,
  correction: 6,
};

/** Assigns cases to agreement indexes, one block at a time (only the current block is kept). */
export class IrregularitySchedule {
  private block = -1;
  private slots: readonly (IrregularCase | undefined)[] = [];

  constructor(private readonly seed: number) {}

  caseOf(index: number): IrregularCase | undefined {
    const block = Math.floor(index / BLOCK_SIZE);
    if (block !== this.block) {
      this.block = block;
      this.slots = this.layOut(block);
    }
    return this.slots[index % BLOCK_SIZE];
  }

  private layOut(block: number): (IrregularCase | undefined)[] {
    const slots: (IrregularCase | undefined)[] = IRREGULAR_CASES.flatMap((irregular) => Array<IrregularCase>(SLOTS_PER_BLOCK[irregular]).fill(irregular));
    while (slots.length < BLOCK_SIZE) slots.push(undefined);
    return Rng.of(this.seed, 'irregularities', block).shuffle(slots);
  }
}
