import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  ApiPillar,
  ApiSeverity,
  EntityImages,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { formatDateTime } from '../../presentation';
import { IMAGE_COLUMNS, ImageRows } from './ImageRows';
import { imagesSummary } from './imageFacts';

/**
 * The images an entity runs, as read from their registries at the last scan: one row per image
 * with its facts, score and findings; failed inspections with their reason; references that
 * were not inspected with why. Renders nothing when image inspection is off (`images` absent).
 *
 * @public
 */
export const EntityImagesCard = (props: {
  images?: EntityImages;
  /** The running rule catalogue, for rule titles, rationale and links. */
  rules: ReadonlyMap<string, RuleSummary>;
  /** The clock ages are counted from; now unless given. */
  now?: Date;
  /** The remediation view's severity and pillar filter, applied to each image's findings. */
  filter?: { severity?: ApiSeverity; pillar?: ApiPillar };
}) => {
  const { images, rules, now = new Date(), filter } = props;
  if (!images) return null;
  const { results, notInspected } = images;
  const empty = results.length === 0 && notInspected.length === 0;

  return (
    <InfoCard
      title="Images"
      subheader={`Read from their registries on ${formatDateTime(
        images.inspectedAt,
      )}`}
      titleTypographyProps={{ component: 'h2' }}
    >
      <section aria-label="Images">
        {empty ? (
          <Typography variant="body1">
            No images to inspect: this service's container definitions and its
            container-scorecard.io/images annotation name none.
          </Typography>
        ) : (
          <Typography variant="body2" paragraph>
            {imagesSummary(images)}
          </Typography>
        )}
        {results.length > 0 && (
          <Table size="small" aria-label="Images of this service">
            <TableHead>
              <TableRow>
                {IMAGE_COLUMNS.map(column => (
                  <TableCell key={column}>{column}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {results.map(image => (
                <ImageRows
                  key={image.reference}
                  image={image}
                  rules={rules}
                  now={now}
                  filter={filter}
                />
              ))}
            </TableBody>
          </Table>
        )}
        {notInspected.length > 0 && (
          <Box marginTop={2}>
            <Typography variant="h6" component="h3">
              Not inspected
            </Typography>
            <ul aria-label="Images not inspected">
              {notInspected.map(entry => (
                <li key={entry.reference}>
                  <code>{entry.reference}</code>: {entry.reason}
                </li>
              ))}
            </ul>
          </Box>
        )}
      </section>
    </InfoCard>
  );
};
