export { ScoreCardsCard } from './ScoreCardsCard';
export { OutcomeHint } from './OutcomeHint';
