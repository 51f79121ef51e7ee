export { generateHistory, GeneratedHistory, type GenerateHistoryOptions, type GenerationProgress } from './generateHistory';
export { writeHistory, type WriteHistoryOptions, type WriteHistoryResult, type WriteProgress } from './writeHistory';
export { eventIdOf, type HistoryStep, type StepDecider } from './historyStep';
export { IRREGULAR_CASES, type IrregularCase } from './irregularities';
export { Rng } from './rng';
