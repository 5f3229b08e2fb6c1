import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR = 'FairwindsOps/polaris test/checks/tagNotSpecified';
const KICS_DIR = 'Checkmarx/kics assets/queries/k8s/invalid_image/test';
const CHECKOV_DIR =
  'bridgecrewio/checkov tests/kubernetes/checks/example_ImageTagFixed';
const KUBE_LINTER_TAG = 'stackrox/kube-linter tests/checks/latest-tag.yml';
const KUBE_LINTER_DIGEST =
  'stackrox/kube-linter tests/checks/image-not-pinned-by-digest.yml';
const DIGEST_OPTION = { requireDigest: true };

/** A Pod whose containers (and, when given, ephemeral containers) run these images. */
function podWith(images: string[], ephemeral: string[] = []): string {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    'spec:',
    '  containers:',
    ...images.flatMap((image, i) => [`  - name: c${i}`, `    image: ${image}`]),
    ...(ephemeral.length > 0 ? ['  ephemeralContainers:'] : []),
    ...ephemeral.flatMap((image, i) => [
      `  - name: e${i}`,
      `    image: ${image}`,
    ]),
  );
}

/** A Deployment named `name` with one container on `image`, as in kube-linter's test files. */
function deploymentWith(name: string, image: string): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: ${image}`,
  );
}

function imageCase(
  peer: PeerCase['peer'],
  check: string,
  source: string,
  peerReports: boolean,
  content: string,
  extra: Partial<PeerCase> = {},
): PeerCase {
  return {
    peer,
    check,
    source,
    name: source.split(' ').slice(1).join(' '),
    path: 'k8s.yaml',
    peerReports,
    content,
    ...extra,
  };
}

const cases: PeerCase[] = [
  imageCase(
    'polaris',
    'tagNotSpecified',
    `${POLARIS_DIR}/failure.latest.yaml`,
    true,
    podWith(['nginx:latest']),
  ),
  imageCase(
    'polaris',
    'tagNotSpecified',
    `${POLARIS_DIR}/failure.yaml`,
    true,
    podWith(['nginx']),
  ),
  imageCase(
    'polaris',
    'tagNotSpecified',
    `${POLARIS_DIR}/success.yaml`,
    false,
    podWith(['nginx:v1.2.3']),
  ),
  imageCase(
    'kics',
    'Invalid Image',
    `${KICS_DIR}/positive.yaml (document 1)`,
    true,
    podWith(['nginx']),
  ),
  imageCase(
    'kics',
    'Invalid Image',
    `${KICS_DIR}/positive.yaml (document 2)`,
    true,
    podWith(['nginx:latest']),
  ),
  imageCase(
    'kics',
    'Invalid Image',
    `${KICS_DIR}/negative.yaml`,
    false,
    podWith(['nginx:1.21']),
  ),
  // Checkov's files are whole Kafka StatefulSets; only the image decides the check, so the
  // ports keep the images (the rest of each file is irrelevant to CKV_K8S_14).
  imageCase(
    'checkov',
    'CKV_K8S_14',
    `${CHECKOV_DIR}/ephemeralContainer-ImageTagLatest-FAILED.yaml`,
    true,
    podWith(['nginx:1.27'], ['busybox:latest']),
  ),
  imageCase(
    'checkov',
    'CKV_K8S_14',
    `${CHECKOV_DIR}/imageWithDigest-PASSED.yaml`,
    false,
    podWith(['gcr.io/google_containers/kubernetes-kafka@sha256:123456']),
  ),
  imageCase(
    'checkov',
    'CKV_K8S_14',
    `${CHECKOV_DIR}/imageWithTagAndDigest-PASSED.yaml`,
    false,
    podWith([
      'gcr.io/google_containers/kubernetes-kafka:1.0-10.2.1@sha256:123456',
    ]),
  ),
  imageCase(
    'checkov',
    'CKV_K8S_14',
    `${CHECKOV_DIR}/kafka-ImageWithRepo-PASSED.yaml`,
    false,
    podWith([
      'docker-registry.mycompany.co:4567/super-sre/kafka/kafka-docker/release:1.0.9',
    ]),
  ),
  imageCase(
    'kubeLinter',
    'latest-tag',
    `${KUBE_LINTER_TAG} (document 1)`,
    false,
    deploymentWith('dont-fire', 'app:v1'),
  ),
  imageCase(
    'kubeLinter',
    'latest-tag',
    `${KUBE_LINTER_TAG} (document 3)`,
    true,
    deploymentWith('app', 'app:latest'),
  ),
  // With requireDigest on, the rule is kube-linter's image-not-pinned-by-digest and KICS' Image Without Digest.
  imageCase(
    'kubeLinter',
    'image-not-pinned-by-digest',
    `${KUBE_LINTER_DIGEST} (document 1)`,
    false,
    deploymentWith('dont-fire', 'registry.example.com/app@sha256:abc123def456'),
    { ruleOptions: DIGEST_OPTION },
  ),
  imageCase(
    'kubeLinter',
    'image-not-pinned-by-digest',
    `${KUBE_LINTER_DIGEST} (document 2)`,
    true,
    deploymentWith('fire-tag-only', 'registry.example.com/app:v1.2.3'),
    { ruleOptions: DIGEST_OPTION },
  ),
  imageCase(
    'kubeLinter',
    'image-not-pinned-by-digest',
    `${KUBE_LINTER_DIGEST} (document 3)`,
    true,
    deploymentWith('fire-no-tag', 'registry.example.com/app'),
    { ruleOptions: DIGEST_OPTION },
  ),
  imageCase(
    'kics',
    'Image Without Digest',
    'Checkmarx/kics assets/queries/k8s/image_without_digest/test/positive.yaml',
    true,
    podWith(['$PRIVATE_IMAGE_NAME']),
    {
      ruleOptions: DIGEST_OPTION,
      differsBecause:
        'an image held in a variable ($PRIVATE_IMAGE_NAME, $(IMAGE), {{ .Values.image }}) is filled in by the deployment tooling, where it is pinned or not',
    },
  ),
];

describe('k8s-image-not-pinned against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-image-not-pinned', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'polaris tagNotSpecified': '3/3',
      'kics Invalid Image': '3/3',
      'checkov CKV_K8S_14': '4/4',
      'kubeLinter latest-tag': '2/2',
      'kubeLinter image-not-pinned-by-digest': '3/3',
      'kics Image Without Digest': '0/1',
    });
  });
});
