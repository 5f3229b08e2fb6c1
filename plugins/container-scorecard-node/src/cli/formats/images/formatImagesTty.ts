import type {
  BaseImageUserSettlement,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { Palette } from '../formatTty';

function ageOf(created: string | undefined, now: Date): string {
  const time = Date.parse(created ?? '');
  if (Number.isNaN(time)) return 'age unknown';
  return `${Math.max(
    0,
    Math.floor((now.getTime() - time) / 86_400_000),
  )} days old`;
}

/** Blank when the signature lookup failed: unknown is not "unsigned". */
function signedText(signed: boolean | undefined): string {
  if (signed === undefined) return '';
  return signed ? '  signed' : '  unsigned';
}

/**
 * The "Images" section of the terminal report: one block per image, findings under it, then
 * the Dockerfile findings the registry settled.
 */
export function formatImagesTty(
  images: readonly ImageResult[],
  palette: Palette,
  settlements: readonly BaseImageUserSettlement[] = [],
  now = new Date(),
): string {
  if (images.length === 0) return '\nImages: none referenced.\n';
  const lines = ['', palette.bold('Images')];
  for (const image of images) {
    if (image.status === 'failed') {
      lines.push(
        `  ${image.reference}`,
        palette.dim(`    could not inspect: ${image.reason}`),
      );
      continue;
    }
    lines.push(
      `  ${palette.bold(image.reference)}  score ${image.score}`,
      palette.dim(
        `    ${image.digest}  ${image.platforms?.join(', ')}  ${ageOf(
          image.created,
          now,
        )}  ${((image.compressedSize ?? 0) / (1024 * 1024)).toFixed(1)} MB  ${
          image.layerCount
        } layers  user ${JSON.stringify(image.user ?? '')}${signedText(
          image.signed,
        )}`,
      ),
    );
    for (const finding of image.findings) {
      lines.push(
        `    ${palette.severity(
          finding.severity,
          finding.severity.padEnd(8),
        )} ${finding.ruleId}  ${finding.message}`,
      );
    }
  }
  if (settlements.length > 0)
    lines.push('', palette.bold('Settled by the registry'));
  for (const settlement of settlements) {
    lines.push(`  ${settlement.path}: ${settlement.note}`);
  }
  return `${lines.join('\n')}\n`;
}
