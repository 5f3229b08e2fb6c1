export {
  createTestEngine,
  readBashGrammarWasm,
  TEST_NOW,
} from './createTestEngine';
export { analyze, findingsFor, fixedBy, lines } from './findingsFor';
