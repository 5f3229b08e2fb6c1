import Typography from '@material-ui/core/Typography';
import type {
  ApiPillar,
  ApiSeverity,
  ImageResult,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITY_ORDER } from '../../presentation';
import { RuleFindingsGroup, groupByRule } from '../RuleFindingsGroup';
import { ImageFindingDetails } from './ImageFindingDetails';
import { IMAGE_RULE_SUMMARIES, imageFindingAsApiFinding } from './imageFacts';

/**
 * An image's findings grouped by rule, as a file's are: severity, rule id, rationale and remedy
 * once per rule, the occurrences under it. The high and critical groups start open.
 */
export const ImageFindings = (props: {
  image: ImageResult;
  /** The running rule catalogue; image rules missing from it are described from the ruleset. */
  rules: ReadonlyMap<string, RuleSummary>;
  /** The remediation view's severity and pillar filter, applied as it is to files' findings. */
  filter?: { severity?: ApiSeverity; pillar?: ApiPillar };
}) => {
  const { image, rules, filter = {} } = props;
  const all = image.findings.map(imageFindingAsApiFinding);
  if (all.length === 0) {
    return <Typography variant="body2">No findings for this image.</Typography>;
  }
  const findings = all.filter(
    finding =>
      (!filter.severity || finding.severity === filter.severity) &&
      (!filter.pillar || finding.pillar === filter.pillar),
  );
  if (findings.length === 0) {
    return (
      <Typography variant="body2">
        None of this image's {all.length} finding{all.length === 1 ? '' : 's'}{' '}
        match the filter.
      </Typography>
    );
  }
  return (
    <section aria-label={`Findings for the image ${image.reference}`}>
      {groupByRule(findings).map(group => (
        <RuleFindingsGroup
          key={group.ruleId}
          group={group}
          rule={
            rules.get(group.ruleId) ?? IMAGE_RULE_SUMMARIES.get(group.ruleId)
          }
          linkRule={rules.has(group.ruleId)}
          defaultOpen={
            SEVERITY_ORDER.indexOf(group.severity) <=
            SEVERITY_ORDER.indexOf('high')
          }
          renderFinding={finding => <ImageFindingDetails finding={finding} />}
        />
      ))}
    </section>
  );
};
