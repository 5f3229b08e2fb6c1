export {
  createTestEngine,
  readBashGrammarWasm,
  TEST_NOW,
} from './createTestEngine';
export { analyze, findingsFor, fixedBy, lines } from './findingsFor';
export {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintCaseFindings,
  hadolintSpecRows,
  wrapRunsInOnbuild,
} from './hadolintSpec';
export type {
  HadolintCase,
  HadolintExpectation,
  HadolintSpecRow,
} from './hadolintSpec';
