import type { MouseEvent } from 'react';
import Typography from '@material-ui/core/Typography';
import type { ApiNextGrade } from '@container-scorecard/plugin-container-scorecard-common';
import { formatPoints } from '../../presentation';
import { findingAnchor } from '../FindingDetails';
import { GradeBadge } from '../GradeBadge';
import { SeverityTag } from '../SeverityCounts';

/** Opens the groups around a finding and brings it into view (a fragment alone would not). */
function revealFinding(event: MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  for (let node: HTMLElement | null = target; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  target.scrollIntoView({ block: 'start' });
  target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * "Fix these N findings to reach grade X": the shortest list the backend planned (the common
 * package's planNextGrade), each linking to the finding below.
 *
 * @public
 */
export const NextGradePlan = (props: { plan?: ApiNextGrade }) => {
  const { plan } = props;
  if (!plan) return null;
  const count = plan.findings.length;
  return (
    <section aria-label="Fastest way to the next grade">
      <Typography
        variant="subtitle1"
        component="h3"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
        }}
      >
        Fix {count === 1 ? 'this finding' : `these ${count} findings`} to reach
        <GradeBadge grade={plan.grade} /> ({plan.score}/100)
      </Typography>
      <ol
        style={{
          margin: '8px 0 0',
          paddingLeft: 24,
          columnWidth: '28rem',
          columnGap: 40,
        }}
      >
        {plan.findings.map(finding => (
          <li
            key={findingAnchor(finding)}
            style={{
              marginBottom: 4,
              overflowWrap: 'anywhere',
              breakInside: 'avoid',
            }}
          >
            <SeverityTag severity={finding.severity} />{' '}
            <a
              href={`#${findingAnchor(finding)}`}
              onClick={event => revealFinding(event, findingAnchor(finding))}
            >
              {finding.path}:{finding.range.start.line}
            </a>{' '}
            {finding.message}
            {finding.penalty !== undefined &&
              ` (−${formatPoints(finding.penalty)})`}
          </li>
        ))}
      </ol>
    </section>
  );
};
