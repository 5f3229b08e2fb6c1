import { Fragment } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiRuleOption,
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

/** The chips of what a rule checks: its file kinds, or "Image" for an image rule. */
const KIND_LABELS = {
  dockerfile: 'Dockerfile',
  compose: 'Compose',
  kubernetes: 'Kubernetes',
  image: 'Image',
} as const;

/** What a rule checks: a kind of definition, or images. */
export type RuleCheckKind = keyof typeof KIND_LABELS;

/** What a rule checks, as the kind filter and the chips name it. */
export function ruleKinds(rule: RuleSummary): RuleCheckKind[] {
  return rule.kind === 'image' ? ['image'] : rule.appliesTo;
}

function optionValueText(value: ApiRuleOption['default']): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

/** The options a rule accepts: the value in force, whether configured, and what it means. */
const RuleOptions = (props: { rule: RuleSummary }) => {
  const { rule } = props;
  if (!rule.options?.length) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 16 }}>
        Options
      </Typography>
      <ul aria-label={`${rule.id} options`} style={{ margin: 0 }}>
        {rule.options.map(option => (
          <li key={option.name}>
            <Typography variant="body2">
              <code>{option.name}</code>:{' '}
              <code>{optionValueText(option.value ?? option.default)}</code>{' '}
              {option.value === undefined
                ? '(default)'
                : `(configured; default ${optionValueText(option.default)})`}
              . {option.description}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
};

/**
 * The services failing a rule in the scope: how many, and the worst of them linked. An image
 * rule's services name their images instead of points, since images never change a score.
 */
const FailingServices = (props: {
  failures: RuleFailures;
  servicesInScope?: number;
  scopeTitle: string;
  imageRule: boolean;
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
          } · ${
            props.imageRule
              ? 'no points lost (image findings do not change scores)'
              : `${formatPoints(failures.points)} lost`
          }`}
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
                  {props.imageRule ? (
                    <>
                      in{' '}
                      {(service.images ?? []).map((reference, index) => (
                        <Fragment key={reference}>
                          {index > 0 && ', '}
                          <code>{reference}</code>
                        </Fragment>
                      ))}
                    </>
                  ) : (
                    <>(−{formatPoints(service.points)})</>
                  )}
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
          {ruleKinds(rule).map(kind => (
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
        <RuleOptions rule={rule} />
        {props.failures &&
          (rule.kind === 'image' && rule.enabled === false ? (
            // No image is checked against it: "no service fails it" would claim what nobody
            // counted.
            <Typography variant="body2" component="p" style={{ marginTop: 16 }}>
              No image is checked against this rule while it is disabled.
            </Typography>
          ) : (
            <FailingServices
              failures={props.failures}
              servicesInScope={props.servicesInScope}
              scopeTitle={props.scopeTitle ?? 'the organisation'}
              imageRule={rule.kind === 'image'}
            />
          ))}
      </section>
    </InfoCard>
  );
};
