import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  trivyHelloContainer,
  trivyPodInput,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR = 'FairwindsOps/polaris test/checks/runAsPrivileged';
const KUBE_LINTER_FILE =
  'stackrox/kube-linter tests/checks/privileged-container.yml';

/** Polaris' nginx Pod: an optional pod-level `privileged` and one entry per container. */
function polarisPod(podPrivileged: boolean | undefined, containers: string[]) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    '  labels:',
    '    env: test',
    'spec:',
    ...(podPrivileged === undefined
      ? []
      : ['  securityContext:', `    privileged: ${podPrivileged}`]),
    '  containers:',
    ...containers.flatMap(privileged =>
      privileged === ''
        ? ['  - securityContext:']
        : ['  - securityContext:', `      privileged: ${privileged}`],
    ),
  );
}

const polaris = (
  file: string,
  peerReports: boolean,
  content: string,
): PeerCase => ({
  peer: 'polaris',
  check: 'runAsPrivileged',
  source: `${POLARIS_DIR}/${file}`,
  name: file,
  path: 'pod.yaml',
  peerReports,
  content,
});

/** Documents 1 and 3 of kube-linter's file (2 and 4 are OpenShift DeploymentConfigs, not read here). */
const kubeLinter = (
  name: string,
  privileged: boolean,
  document: number,
): PeerCase => ({
  peer: 'kubeLinter',
  check: 'privileged-container',
  source: `${KUBE_LINTER_FILE} (document ${document})`,
  name: `privileged: ${privileged}`,
  path: 'k8s.yaml',
  peerReports: privileged,
  content: lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          securityContext:',
    `            privileged: ${privileged}`,
  ),
});

const cases: PeerCase[] = [
  // Checkov's CKV_K8S_16 examples (the -PASSED/-FAILED suffix is Checkov's verdict).
  {
    peer: 'checkov',
    check: 'CKV_K8S_16',
    source:
      'bridgecrewio/checkov tests/kubernetes/checks/example_PrivilegedContainers/nginx-deployment-PASSED.yaml',
    name: 'nginx-deployment-PASSED.yaml',
    path: 'k8s.yaml',
    peerReports: false,
    content: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: my-nginx',
      '  labels:',
      '    app: nginx',
      'spec:',
      '  replicas: 3',
      '  selector:',
      '    matchLabels:',
      '      app: nginx',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: nginx',
      '    spec:',
      '      containers:',
      '      - name: nginx',
      '        image: nginx:1.14.2',
      '        ports:',
      '        - containerPort: 80',
    ),
  },
  {
    peer: 'checkov',
    check: 'CKV_K8S_16',
    source:
      'bridgecrewio/checkov tests/kubernetes/checks/example_PrivilegedContainers/privilegedDaemonSet-FAILED.yaml',
    name: 'privilegedDaemonSet-FAILED.yaml',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '# Access worker node file system from within a pod',
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: privileged',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      name: privileged-container',
      '  template:',
      '    metadata:',
      '      labels:',
      '        name: privileged-container',
      '    spec:',
      '      containers:',
      '      - name: busybox',
      '        image: busybox',
      '        resources:',
      '          limits:',
      '            cpu: 200m',
      '            memory: 100Mi',
      '          requests:',
      '            cpu: 100m',
      '            memory: 50Mi',
      '        stdin: true',
      '        securityContext:',
      '          privileged: true',
      '        volumeMounts:',
      '        - name: host-root-volume',
      '          mountPath: /host',
      '          readOnly: false',
      '      volumes:',
      '      - name: host-root-volume',
      '        hostPath:',
      '          path: /',
      '      hostNetwork: true',
      '      hostPID: true',
      '      restartPolicy: Always',
      '# And access host: kubectl exec -ti privileged-xxxxx chroot /host',
    ),
  },
  {
    peer: 'checkov',
    check: 'CKV_K8S_16',
    source:
      'bridgecrewio/checkov tests/kubernetes/checks/example_PrivilegedContainers/privilegedEphemeralContainer-FAILED.yaml',
    name: 'privilegedEphemeralContainer-FAILED.yaml',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '# Ephemeral debug container must not be privileged either',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: privileged-ephemeral',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: nginx:1.27',
      '  ephemeralContainers:',
      '  - name: debugger',
      '    image: busybox:1.36',
      '    securityContext:',
      '      privileged: true',
    ),
  },
  {
    peer: 'checkov',
    check: 'CKV_K8S_16',
    source:
      'bridgecrewio/checkov tests/kubernetes/checks/example_PrivilegedContainers/privilegedPod-FAILED.yaml',
    name: 'privilegedPod-FAILED.yaml',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '# Access worker node file system from within a pod',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: privileged',
      'spec:',
      '  containers:',
      '  - name: busybox',
      '    image: busybox',
      '    resources:',
      '      limits:',
      '        cpu: 200m',
      '        memory: 100Mi',
      '      requests:',
      '        cpu: 100m',
      '        memory: 50Mi',
      '    stdin: true',
      '    securityContext:',
      '      privileged: true',
      '    volumeMounts:',
      '    - name: host-root-volume',
      '      mountPath: /host',
      '      readOnly: false',
      '  volumes:',
      '  - name: host-root-volume',
      '    hostPath:',
      '      path: /',
      '  hostNetwork: true',
      '  hostPID: true',
      '  restartPolicy: Always',
      '# And access host: kubectl exec -ti privileged-xxxxx chroot /host',
    ),
  },
  // Trivy's rego test for KSV-0017, its input documents as JSON.
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_true_denied',
    name: 'test_privileged_is_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer({ privileged: true })],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_undefined_allowed',
    name: 'test_privileged_is_undefined_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_false_allowed',
    name: 'test_privileged_is_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer({ privileged: false })],
    }),
  },
  polaris('failure.pod.yaml', true, polarisPod(false, ['true'])),
  polaris('failure.two_cont.yaml', true, polarisPod(false, ['true', 'false'])),
  polaris(
    'failure.two_cont_one_unspecified.yaml',
    true,
    polarisPod(false, ['true', '']),
  ),
  polaris('failure.yaml', true, polarisPod(undefined, ['true'])),
  polaris('success.pod.yaml', false, polarisPod(true, ['false'])),
  polaris('success.pod_no_cont.yaml', false, polarisPod(false, [''])),
  polaris('success.yaml', false, polarisPod(undefined, ['false'])),
  kubeLinter('dont-fire', false, 1),
  kubeLinter('app1', true, 3),
];

describe('k8s-privileged-container against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-privileged-container', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({
      'checkov CKV_K8S_16': '4/4',
      'trivy KSV-0017': '3/3',
      'polaris runAsPrivileged': '7/7',
      'kubeLinter privileged-container': '2/2',
    });
  });
});
