import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { FileScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { renderingSentence } from './fileOrigin';

/**
 * Where a file's result comes from, under its title: the extra source it was read from ("from
 * northwind-deploy", linked to that source) and how it was rendered ("Built by kustomize from
 * overlays/prod", "Rendered by Helm from the chart charts/api, with the values of ..."), with the
 * renderer's notes (subcharts not rendered).
 *
 * @public
 */
export const FileOrigin = (props: {
  file: Pick<FileScorecard, 'source' | 'rendering'>;
}) => {
  const { source, rendering } = props.file;
  if (!source && !rendering) return null;
  const sourceLink = source && /^https?:/i.test(source.location) && (
    <Link to={source.location} aria-label={`The source ${source.label}`}>
      {source.label}
    </Link>
  );
  return (
    <div data-testid="file-origin">
      {source && (
        <Typography variant="body2" color="textSecondary">
          From {sourceLink || source.label}
        </Typography>
      )}
      {rendering && (
        <Typography variant="body2" color="textSecondary">
          {renderingSentence(rendering, source)}.
        </Typography>
      )}
      {rendering?.notes?.map(note => (
        <Typography key={note} variant="body2" color="textSecondary">
          {note}
        </Typography>
      ))}
    </div>
  );
};
