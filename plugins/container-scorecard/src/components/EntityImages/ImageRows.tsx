import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  gradeOf,
  type ApiPillar,
  type ApiSeverity,
  type ImageResult,
  type RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { formatScore } from '../../presentation';
import { CopyButton } from '../CopyButton';
import { GradeBadge } from '../GradeBadge';
import { ImageFindings } from './ImageFindings';
import {
  imageAge,
  megabytes,
  shortDigest,
  signedLabel,
  usedByText,
  userLabel,
} from './imageFacts';

/** Columns of the images table, in order; the details row spans them all. */
export const IMAGE_COLUMNS = [
  'Image',
  'Digest',
  'Platforms',
  'Age',
  'Size',
  'Layers',
  'User',
  'Signed',
  'Score',
] as const;

const useStyles = makeStyles(theme => ({
  reference: { fontFamily: 'monospace', wordBreak: 'break-all' },
  digest: { fontFamily: 'monospace', whiteSpace: 'nowrap' },
  details: {
    paddingLeft: theme.spacing(4),
    background: theme.palette.background.default,
  },
  score: { display: 'inline-flex', alignItems: 'center', gap: 8 },
}));

/**
 * One image: a row of what the registry says (digest, platforms, age, size, layers, user,
 * signature, score), then a row with where it is used and its findings. A failed inspection
 * says why and shows no score: it never counts as zero, nor as a pass.
 */
export const ImageRows = (props: {
  image: ImageResult;
  rules: ReadonlyMap<string, RuleSummary>;
  now: Date;
  filter?: { severity?: ApiSeverity; pillar?: ApiPillar };
}) => {
  const classes = useStyles();
  const { image, rules, now, filter } = props;
  const reference = (
    <TableCell component="th" scope="row" className={classes.reference}>
      {image.reference}
    </TableCell>
  );
  return (
    <>
      {image.status === 'failed' ? (
        <TableRow data-testid="image-row">
          {reference}
          <TableCell colSpan={IMAGE_COLUMNS.length - 1}>
            <Typography variant="body2" color="error">
              Could not inspect: {image.reason ?? 'unknown reason'}
            </Typography>
          </TableCell>
        </TableRow>
      ) : (
        <TableRow data-testid="image-row">
          {reference}
          <TableCell>
            {image.digest ? (
              <>
                <code className={classes.digest} title={image.digest}>
                  {shortDigest(image.digest)}
                </code>
                <br />
                <CopyButton
                  text={image.digest}
                  label="Copy"
                  ariaLabel={`Copy the digest of ${image.reference}`}
                  copiedMessage="Digest copied"
                />
              </>
            ) : (
              '–'
            )}
          </TableCell>
          <TableCell>{image.platforms?.join(', ') || '–'}</TableCell>
          <TableCell>{imageAge(image.created, now)}</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {megabytes(image.compressedSize)}
          </TableCell>
          <TableCell>{image.layerCount ?? '–'}</TableCell>
          <TableCell>{userLabel(image.user)}</TableCell>
          <TableCell>{signedLabel(image.signed)}</TableCell>
          <TableCell>
            <span className={classes.score}>
              <GradeBadge
                grade={
                  image.score === undefined ? undefined : gradeOf(image.score)
                }
              />
              {formatScore(image.score)}
            </span>
          </TableCell>
        </TableRow>
      )}
      <TableRow data-testid="image-details">
        <TableCell colSpan={IMAGE_COLUMNS.length} className={classes.details}>
          <Typography variant="body2" color="textSecondary" paragraph>
            {usedByText(image.usedBy)}
          </Typography>
          {image.status === 'inspected' && (
            <ImageFindings image={image} rules={rules} filter={filter} />
          )}
        </TableCell>
      </TableRow>
    </>
  );
};
