export {
  createScorecardGradeColumn,
  type ScorecardColumnRow,
} from './createScorecardGradeColumn';
export { ScorecardGradeCell } from './ScorecardGradeCell';
