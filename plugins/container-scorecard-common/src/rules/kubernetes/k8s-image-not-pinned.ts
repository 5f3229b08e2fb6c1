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
import { containerAnchor, containerLabel } from './k8sHelpers';

/**
 * `image: auto` is Istio's placeholder in gateway Deployments and injection templates: the
 * sidecar injector (selected by `sidecar.istio.io/inject` / `inject.istio.io/templates`)
 * replaces it with the proxy image of the installed control plane, so what runs is pinned by the
 * Istio installation, not by the manifest. Unqualified, `auto` would mean `docker.io/library/auto`,
 * an image that does not exist, so nothing real is skipped.
 */
const ISTIO_INJECTED_IMAGE = 'auto';

/**
 * Flags container images on `:latest`, with no tag or (option) on a development tag such as
 * `:main` or `:nightly`; digests are pinned. An option also requires a digest everywhere.
 */
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
    kics: 'Invalid Image',
  },
  equivalentLinks: {
    kubeLinter: 'https://docs.kubelinter.io/#/generated/checks?id=latest-tag',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/tagNotSpecified.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/ImageTagFixed.py',
    kubeScore:
      'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
    trivy: 'https://avd.aquasec.com/misconfig/ksv013',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/583053b7-e632-46f0-b989-f81ff8045385/',
  },
  equivalentsNote:
    'By default the same test as all six peers: `latest` or no tag is reported, a digest pins. Trivy KSV-0013 splits the reference at the first colon, so `registry:5000/app` counts as tagged there and is reported here. Deliberate differences: an image with upper case in its repository (`THE_IMAGE_NAME`) is a placeholder no registry serves and is left to the step that replaces it; Istio\'s `image: auto` (replaced by the sidecar injector with the proxy image of the installed control plane) is not reported, and development tags (`main`, `nightly`, `edge`, `latest-*`...) are, unless the `flagMovingTags` option is off. With the `requireDigest` option on, the rule matches kube-linter\'s `image-not-pinned-by-digest` (agreeing with all its examples), Checkov CKV_K8S_43 and KICS "Image Without Digest", except that an image held in a variable (`$IMAGE`, `$(IMAGE)`) is left to the tooling that fills it in. Images a deploy tool builds and pins are not reported either (peers report them): `ko://` references (ko writes the digest of the built image in their place) and, when the repository holds a `skaffold.yaml` / `skaffold.yml`, the bare names of its `build.artifacts[].image` (top level and profiles), which Skaffold rewrites to the built tag and digest; a tagged reference to such a name is still judged as written. A file analysed without its repository gets no such context.',
  options: { ...MOVING_TAGS_OPTION, ...REQUIRE_DIGEST_OPTION },
  check({ file, options, repository }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const image = container.image?.trim();
        // Templated values (`$(IMAGE)`, `{{ .Values.image }}`) are pinned where they are rendered.
        if (!image || /[${}]/.test(image)) return [];
        if (image === ISTIO_INJECTED_IMAGE) return [];
        const reference = parseImageReference(image);
        if (isImagePlaceholder(reference)) return [];
        if (isBuiltByDeployTool(image, reference, repository)) return [];
        const problem = pinningProblem(reference, options);
        if (!problem) return [];
        return [
          {
            range:
              container.locate(['image'])?.range ?? containerAnchor(container),
            message: `${containerLabel(
              workload,
              container,
            )} runs "${image}" ${pinningAdvice(problem)}`,
          },
        ];
      }),
    );
  },
});
