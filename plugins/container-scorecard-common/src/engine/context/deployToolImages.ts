import { parseAllDocuments } from 'yaml';

/** A Skaffold configuration is a few kilobytes; anything far larger is not read (it is context only). */
export const MAX_SKAFFOLD_BYTES = 256 * 1024;
/** Documents read from one Skaffold file (several `Config` documents are common, hundreds are not). */
const MAX_SKAFFOLD_DOCUMENTS = 50;
/** Aliases one document may expand: a "billion laughs" file is ignored, not expanded. */
const MAX_ALIAS_COUNT = 100;
/** Image names kept per repository, so a pathological file cannot grow the set without end. */
const MAX_IMAGES = 1000;

const SKAFFOLD_FILE = /(^|[\\/])skaffold\.ya?ml$/i;
const SKAFFOLD_API_VERSION = /^skaffold\/v\d/;

/**
 * Image names a deploy tool of the repository builds itself and writes, pinned, into the
 * manifests it deploys: the `build.artifacts[].image` of every Skaffold `Config` document (top
 * level and `profiles[]`) of a `skaffold.yaml` / `skaffold.yml`. Skaffold replaces a manifest's
 * reference to such a name with the built image's tag and digest, so the bare name in the
 * repository is not what runs. Files that are too large, malformed or of another kind add
 * nothing: this is context for the pinning rules, never a reason to fail an analysis.
 */
export function deployToolImagesOf(
  files: readonly { path: string; content?: string }[],
): ReadonlySet<string> {
  const images = new Set<string>();
  for (const file of files) {
    if (!SKAFFOLD_FILE.test(file.path) || file.content === undefined) continue;
    if (file.content.length > MAX_SKAFFOLD_BYTES) continue;
    for (const image of skaffoldArtifactImages(file.content)) {
      if (images.size >= MAX_IMAGES) return images;
      images.add(image);
    }
  }
  return images;
}

/** The artifact image names of one Skaffold file; none when it does not parse. */
export function skaffoldArtifactImages(content: string): string[] {
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(content, { prettyErrors: false });
  } catch {
    return [];
  }
  const images: string[] = [];
  for (const document of documents.slice(0, MAX_SKAFFOLD_DOCUMENTS)) {
    if (document.errors.length > 0) continue;
    let config: unknown;
    try {
      config = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      continue;
    }
    if (!isRecord(config) || config.kind !== 'Config') continue;
    if (
      typeof config.apiVersion !== 'string' ||
      !SKAFFOLD_API_VERSION.test(config.apiVersion)
    )
      continue;
    images.push(...artifactImagesOfBuild(config.build));
    const profiles = Array.isArray(config.profiles) ? config.profiles : [];
    for (const profile of profiles) {
      if (isRecord(profile))
        images.push(...artifactImagesOfBuild(profile.build));
    }
  }
  return images;
}

function artifactImagesOfBuild(build: unknown): string[] {
  if (!isRecord(build) || !Array.isArray(build.artifacts)) return [];
  return build.artifacts.flatMap(artifact =>
    isRecord(artifact) &&
    typeof artifact.image === 'string' &&
    artifact.image.trim() !== ''
      ? [artifact.image.trim()]
      : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
