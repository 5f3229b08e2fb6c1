import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RuleSummary } from '@internal/plugin-container-scorecard-common';
import { PILLAR_TITLES } from '../../presentation';
import { CodeSnippetLines } from '../CodeSnippetLines';
import { RuleExplanation } from '../RuleExplanation';
import { SeverityTag } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  card: { breakInside: 'avoid' },
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

const KIND_LABELS = {
  dockerfile: 'Dockerfile',
  compose: 'Compose',
  kubernetes: 'Kubernetes',
} as const;

/** One rule of the catalogue: why it matters, a before/after example and its equivalents. */
export const RuleCard = (props: { rule: RuleSummary }) => {
  const classes = useStyles();
  const { rule } = props;
  const equivalents = Object.entries(rule.equivalents);
  return (
    <InfoCard
      title={rule.title}
      subheader={<code>{rule.id}</code>}
      className={classes.card}
      titleTypographyProps={{ component: 'h3', id: `rule-${rule.id}` }}
    >
      <section aria-labelledby={`rule-${rule.id}`}>
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
            {equivalents.map(([tool, id]) => (
              <li key={tool}>
                <Typography variant="body2">
                  {tool}: <code>{id}</code>
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </section>
    </InfoCard>
  );
};
