import { parseImageReference } from '../../parsing/imageReference';
import { defineRule } from '../framework/defineRule';
import { containerAnchor, containerLabel } from './k8sHelpers';

/** Flags container images on `:latest` or with no tag; digests are pinned. */
export const k8sImageNotPinned = defineRule({
  id: 'k8s-image-not-pinned',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container image is not pinned',
  message:
    'This container runs an image without a version tag (or with "latest"): pin a version, ideally a digest.',
  rationale:
    'Pods are recreated all the time: on rollouts, evictions, node failures. With "latest" (or no tag, which means the same) each new pod can pull a different image than its siblings, so replicas of one Deployment silently run different code and a rollback restores nothing. A version tag makes the manifest say what runs; a digest makes it exact.',
  remediation: {
    description:
      'Use the version you tested, with its digest when you can; let your deployment tooling bump it.',
    before: 'containers:\n  - name: api\n    image: acme/api:latest',
    after:
      'containers:\n  - name: api\n    image: acme/api:3.2.1@sha256:<digest>',
  },
  equivalents: {
    kubeLinter: 'latest-tag',
    polaris: 'tagNotSpecified',
    checkov: 'CKV_K8S_14',
    kubeScore: 'container-image-tag',
    trivy: 'KSV-0013',
  },
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const image = container.image?.trim();
        // Templated values (`$(IMAGE)`, `{{ .Values.image }}`) are pinned where they are rendered.
        if (!image || /[${}]/.test(image)) return [];
        const reference = parseImageReference(image);
        if (reference.digest) return [];
        if (reference.tag !== undefined && reference.tag !== 'latest')
          return [];
        const label = containerLabel(workload, container);
        return [
          {
            range:
              container.locate(['image'])?.range ?? containerAnchor(container),
            message:
              reference.tag === 'latest'
                ? `${label} runs "${image}": "latest" moves, pin a version.`
                : `${label} runs "${image}" with no tag, which means "latest": pin a version.`,
          },
        ];
      }),
    );
  },
});
