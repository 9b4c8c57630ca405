export { ScoreCardsCard } from './ScoreCardsCard';
