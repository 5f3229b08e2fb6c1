import { runContainerScorecardCli } from './runContainerScorecardCli';

/** Entry point of the `container-scorecard` bin when it runs from the TypeScript sources. */
runContainerScorecardCli(process.argv.slice(2)).then(code => {
  process.exitCode = code;
});
