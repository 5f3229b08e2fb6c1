import { parseImageReference } from '../../parsing/imageReference';
import { defineRule } from '../framework/defineRule';
import {
  MOVING_TAGS_OPTION,
  REQUIRE_DIGEST_OPTION,
  isBuiltByDeployTool,
  isImagePlaceholder,
  pinningAdvice,
  pinningProblem,
} from '../shared/imagePinning';
import { valueRangeOf } from './composeHelpers';

/**
 * Flags services that pull an image by `:latest`, with no tag or (option) on a development tag
 * such as `:main` or `:nightly`. Digests are pinned; services that build their image (`build:`)
 * name their own output and are not flagged. An option also requires a digest everywhere.
 */
export const composeImageNotPinned = defineRule({
  id: 'compose-image-not-pinned',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['compose'],
  title: 'Service image is not pinned',
  message:
    'This service runs an image without a version tag (or with "latest"): pin a version, ideally a digest.',
  rationale:
    'An image reference without a version is a moving target: "latest" is whatever was pushed last, and the next `docker compose pull` can swap the runtime under a service that has not changed. Pinning makes a deployment reproducible and a rollback a real rollback; a digest also guarantees the bytes are the ones that were tested.',
  remediation: {
    description:
      'Name the version you tested with; add the digest to make it exact.',
    before: 'services:\n  cache:\n    image: redis',
    after: 'services:\n  cache:\n    image: redis:7.2.5-alpine@sha256:<digest>',
  },
  equivalents: {},
  equivalentsNote:
    'No peer checks image tags in compose files (KICS has no such Docker Compose query). The rule reads references exactly as k8s-image-not-pinned does, options included: `latest` and untagged images are reported (an upper-case placeholder such as `API_IMAGE` is not: no registry serves it), development tags (`main`, `nightly`, `edge`, `latest-*`...) unless `flagMovingTags` is off, and tags without a digest when `requireDigest` is on. Images a deploy tool builds and pins are not reported: `ko://` references (ko writes the digest of the built image in their place) and, when the repository holds a `skaffold.yaml` / `skaffold.yml`, the bare names of its `build.artifacts[].image` (top level and profiles), which Skaffold rewrites to the built tag and digest; a tagged reference to such a name is still judged as written. A file analysed without its repository gets no such context.',
  options: { ...MOVING_TAGS_OPTION, ...REQUIRE_DIGEST_OPTION },
  check({ file, options, repository }) {
    return file.compose.services.flatMap(service => {
      const image = service.image?.trim();
      if (!image || service.value.build !== undefined) return [];
      // A variable may carry the tag (`app:${TAG}`, `${IMAGE}`): it is pinned where it is set.
      if (image.includes('$')) return [];
      const reference = parseImageReference(image);
      if (isImagePlaceholder(reference)) return [];
      if (isBuiltByDeployTool(image, reference, repository)) return [];
      const problem = pinningProblem(reference, options);
      if (!problem) return [];
      return [
        {
          range: valueRangeOf(service, ['image']),
          message: `Service "${service.name}" runs "${image}" ${pinningAdvice(
            problem,
          )}`,
        },
      ];
    });
  },
});
