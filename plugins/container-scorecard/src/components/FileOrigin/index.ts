export { FileOrigin } from './FileOrigin';
export {
  pathInSource,
  renderedFromSentence,
  renderingSentence,
} from './fileOrigin';
