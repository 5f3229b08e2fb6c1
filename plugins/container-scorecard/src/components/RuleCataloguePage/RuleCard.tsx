import { InfoCard, Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  RuleFailures,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { PILLAR_TITLES, formatPoints } from '../../presentation';
import { CodeSnippetLines } from '../CodeSnippetLines';
import { RuleExplanation } from '../RuleExplanation';
import { SeverityTag } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  card: { breakInside: 'avoid' },
  highlighted: {
    breakInside: 'avoid',
    outline: `3px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  },
  failing: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(3) },
  tags: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  examples: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    gap: theme.spacing(2),
  },
}));

/** How the peer tools spell their own names (the API keys them in camel case). */
const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  checkov: 'Checkov',
  kics: 'KICS',
  kubeLinter: 'kube-linter',
  polaris: 'Polaris',
  kubeScore: 'kube-score',
};

const KIND_LABELS = {
  dockerfile: 'Dockerfile',
  compose: 'Compose',
  kubernetes: 'Kubernetes',
} as const;

/** The services failing a rule in the scope: how many, and the worst of them linked. */
const FailingServices = (props: {
  failures: RuleFailures;
  servicesInScope?: number;
  scopeTitle: string;
}) => {
  const classes = useStyles();
  const entityPath = useEntityPath();
  const { failures } = props;
  const LISTED = 10;
  return (
    <>
      <Typography variant="body2" component="p" style={{ marginTop: 16 }}>
        <strong>
          {failures.services === 0
            ? `No service fails it in ${props.scopeTitle}.`
            : `Failing in ${failures.services}${
                props.servicesInScope !== undefined
                  ? ` of ${props.servicesInScope}`
                  : ''
              } services in ${props.scopeTitle}`}
        </strong>
        {failures.services > 0 &&
          ` · ${failures.findings} finding${
            failures.findings === 1 ? '' : 's'
          } · ${formatPoints(failures.points)} lost`}
      </Typography>
      {failures.failing.length > 0 && (
        <ul
          className={classes.failing}
          aria-label={`Services failing ${failures.ruleId}`}
        >
          {failures.failing.slice(0, LISTED).map(service => {
            const ref = parseEntityRef(service.entityRef);
            return (
              <li key={service.entityRef}>
                <Typography variant="body2">
                  <Link to={entityPath(ref, ENTITY_TAB_PATH)}>
                    {service.title ?? ref.name}
                  </Link>{' '}
                  (−{formatPoints(service.points)})
                </Typography>
              </li>
            );
          })}
          {failures.services > LISTED && (
            <li>
              <Typography variant="body2" color="textSecondary">
                and {failures.services - LISTED} more
              </Typography>
            </li>
          )}
        </ul>
      )}
    </>
  );
};

/**
 * One rule of the catalogue: why it matters, a before/after example, its equivalents and, when
 * known, the services failing it in the chosen scope. The rule a link pointed at is outlined.
 */
export const RuleCard = (props: {
  rule: RuleSummary;
  highlighted?: boolean;
  failures?: RuleFailures;
  servicesInScope?: number;
  scopeTitle?: string;
}) => {
  const classes = useStyles();
  const { rule } = props;
  const equivalents = Object.entries(rule.equivalents);
  return (
    <InfoCard
      title={rule.title}
      subheader={<code>{rule.id}</code>}
      className={props.highlighted ? classes.highlighted : classes.card}
      titleTypographyProps={{ component: 'h3', id: `rule-${rule.id}` }}
    >
      <section
        aria-labelledby={`rule-${rule.id}`}
        aria-current={props.highlighted ? 'true' : undefined}
      >
        <div className={classes.tags}>
          <SeverityTag severity={rule.severity} />
          <Chip size="small" label={PILLAR_TITLES[rule.pillar]} />
          {rule.appliesTo.map(kind => (
            <Chip
              key={kind}
              size="small"
              variant="outlined"
              label={KIND_LABELS[kind]}
            />
          ))}
          {rule.fixable && (
            <Chip
              size="small"
              color="primary"
              variant="outlined"
              label="Automatic fix"
            />
          )}
          {rule.enabled === false && <Chip size="small" label="Disabled" />}
        </div>
        <Typography variant="body2" paragraph>
          <strong>Reports:</strong> {rule.message}
        </Typography>
        <RuleExplanation rule={rule} headingComponent="h4" />
        <div className={classes.examples}>
          <div>
            <Typography variant="caption" component="h5">
              Before
            </Typography>
            <CodeSnippetLines
              label={`${rule.id} example before`}
              lines={rule.remediation.before
                .split('\n')
                .map((text, i) => ({ number: i + 1, text }))}
            />
          </div>
          <div>
            <Typography variant="caption" component="h5">
              After
            </Typography>
            <CodeSnippetLines
              label={`${rule.id} example after`}
              lines={rule.remediation.after
                .split('\n')
                .map((text, i) => ({ number: i + 1, text }))}
            />
          </div>
        </div>
        <Typography
          variant="subtitle2"
          component="h4"
          style={{ marginTop: 16 }}
        >
          Equivalents in other tools
        </Typography>
        {equivalents.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            None: no other tool checks this.
          </Typography>
        ) : (
          <ul aria-label={`${rule.id} equivalents`} style={{ margin: 0 }}>
            {equivalents.map(([tool, id]) => {
              const link = rule.equivalentLinks?.[tool];
              return (
                <li key={tool}>
                  <Typography variant="body2">
                    {TOOL_NAMES[tool] ?? tool}:{' '}
                    {link ? (
                      <Link to={link}>
                        <code>{id}</code>
                      </Link>
                    ) : (
                      <code>{id}</code>
                    )}
                  </Typography>
                </li>
              );
            })}
          </ul>
        )}
        {rule.equivalentsNote && (
          <Typography variant="body2" color="textSecondary">
            {rule.equivalentsNote}
          </Typography>
        )}
        {props.failures && (
          <FailingServices
            failures={props.failures}
            servicesInScope={props.servicesInScope}
            scopeTitle={props.scopeTitle ?? 'the organisation'}
          />
        )}
      </section>
    </InfoCard>
  );
};
