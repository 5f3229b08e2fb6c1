import { createHash } from 'node:crypto';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import { entityTabPath } from '../links/entityTabPath';
import type { Regression } from './detectRegression';

/** New findings spelled out in a notification; the rest are counted. */
const LISTED_FINDINGS = 5;

/** The topic users can filter and mute Container Scorecard notifications by. */
export const NOTIFICATION_TOPIC = 'Container Scorecard';

/**
 * The notification of one regression of one entity: what changed, the worst new findings, and
 * a link to the entity's remediation tab. Its scope names the entity and the change, so sending
 * the same change again updates the one notification instead of adding another.
 */
export function formatRegressionNotification(options: {
  entityRef: string;
  title?: string;
  regression: Regression;
}): NotificationPayload {
  const { entityRef, regression } = options;
  const name = options.title || parseEntityRef(entityRef).name;
  const { gradeDrop, newFindings } = regression;
  const critical = newFindings.filter(f => f.severity === 'critical').length;
  const headline = [
    gradeDrop &&
      `container grade dropped from ${gradeDrop.from} to ${gradeDrop.to}`,
    newFindings.length > 0 && describeCount(newFindings.length, critical),
  ].filter(Boolean);

  const lines: string[] = [];
  if (gradeDrop) {
    lines.push(
      gradeDrop.fromScore !== undefined
        ? `Score ${gradeDrop.fromScore} → ${gradeDrop.toScore}.`
        : `Score now ${gradeDrop.toScore}.`,
    );
  }
  const listed = [...newFindings]
    .sort((a, b) => severityRank(a) - severityRank(b))
    .slice(0, LISTED_FINDINGS);
  for (const finding of listed) {
    lines.push(
      `New ${finding.severity}: ${finding.message} (${finding.ruleId}, ${finding.path}:${finding.range.start.line})`,
    );
  }
  if (newFindings.length > listed.length) {
    lines.push(`…and ${newFindings.length - listed.length} more.`);
  }

  const change = createHash('sha256')
    .update(
      JSON.stringify([
        gradeDrop ? [gradeDrop.from, gradeDrop.to] : null,
        [...regression.newFingerprints].sort(),
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  return {
    title: `${name}: ${headline.join(', ')}`,
    description: lines.join('\n'),
    link: entityTabPath(entityRef),
    severity: critical > 0 ? 'critical' : 'high',
    topic: NOTIFICATION_TOPIC,
    scope: `container-scorecard:regression:${entityRef}:${change}`,
  };
}

function describeCount(total: number, critical: number): string {
  const high = total - critical;
  const parts = [
    critical && `${critical} new critical`,
    high && `${high} new high`,
  ].filter(Boolean);
  return `${parts.join(' and ')} finding${total === 1 ? '' : 's'}`;
}

function severityRank(finding: ApiFinding): number {
  return finding.severity === 'critical' ? 0 : 1;
}
