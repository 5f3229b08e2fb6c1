export { renderChartsWithHelmCommand } from './renderChartsWithHelmCommand';
export {
  runHelmTemplate,
  type HelmCommandOptions,
  type HelmTemplateRun,
} from './runHelmTemplate';
