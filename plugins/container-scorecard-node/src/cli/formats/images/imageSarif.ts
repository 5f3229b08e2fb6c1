import type {
  FileResult,
  Finding,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';

/** Where an image is named: a Dockerfile's final-stage FROM, a compose `image:`, a container. */
interface ImageSite {
  path: string;
  line: number;
}

/**
 * The lines naming each image, as the inspection chose them: builder stages of a Dockerfile do
 * not run and are not inspected, so their FROM lines are no site of the image.
 */
export function imageSites(
  results: readonly FileResult[],
): Map<string, ImageSite[]> {
  const sites = new Map<string, ImageSite[]>();
  for (const result of results) {
    if (!result.kind) continue;
    for (const image of result.images) {
      if (result.kind === 'dockerfile' && !image.finalStageBase) continue;
      const list = sites.get(image.ref) ?? [];
      list.push({ path: result.path, line: Math.max(1, image.line) });
      sites.set(image.ref, list);
    }
  }
  return sites;
}

/**
 * One SARIF result per image finding, located at every line that names the image (code scanning
 * shows a result only where it has a file), and logically at the image reference itself, which
 * is all an image named only by an annotation has.
 */
export function imageSarifResults(
  images: readonly ImageResult[],
  results: readonly FileResult[],
  ruleIndex: ReadonlyMap<string, number>,
  artifactLocation: (path: string) => object,
  level: (severity: Finding['severity']) => string,
) {
  const sites = imageSites(results);
  return images.flatMap(image =>
    image.findings.map(finding => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId)
        ? { ruleIndex: ruleIndex.get(finding.ruleId) }
        : {}),
      level: level(finding.severity),
      message: { text: `${image.reference}: ${finding.message}` },
      locations: [
        ...(sites.get(image.reference) ?? []).map(site => ({
          physicalLocation: {
            artifactLocation: artifactLocation(site.path),
            region: { startLine: site.line },
          },
          logicalLocations: [logicalLocation(image)],
        })),
        ...(sites.has(image.reference)
          ? []
          : [{ logicalLocations: [logicalLocation(image)] }]),
      ],
      properties: {
        severity: finding.severity,
        penalty: finding.penalty ?? 0,
        image: image.reference,
        ...(image.digest ? { digest: image.digest } : {}),
        evidence: finding.snippet,
      },
    })),
  );
}

function logicalLocation(image: ImageResult) {
  return { fullyQualifiedName: image.reference, kind: 'resource' };
}

/** Images that could not be inspected: a warning each, at the lines naming them. */
export function imageSarifNotifications(
  images: readonly ImageResult[],
  results: readonly FileResult[],
  artifactLocation: (path: string) => object,
) {
  const sites = imageSites(results);
  return images
    .filter(image => image.status === 'failed')
    .map(image => ({
      level: 'warning',
      message: {
        text: `Could not inspect ${image.reference}: ${
          image.reason ?? 'unknown reason'
        }`,
      },
      descriptor: { id: 'could-not-inspect' },
      locations: (sites.get(image.reference) ?? []).map(site => ({
        physicalLocation: {
          artifactLocation: artifactLocation(site.path),
          region: { startLine: site.line },
        },
      })),
    }));
}
