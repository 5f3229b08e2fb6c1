export {
  EntityScoreExplanation,
  FileScoreExplanation,
} from './ScoreExplanation';
