import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR = 'FairwindsOps/polaris test/checks';
const KICS_DIR =
  'Checkmarx/kics assets/queries/k8s/memory_limits_not_defined/test';
const MEMORY_LIMIT = /memory limit/;
const CPU_REQUEST = /CPU request/;

/** A Pod with one container whose `resources` are these lines (none when empty). */
function podWithResources(
  name: string,
  resources: string[],
  group = 'containers',
) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  ${group}:`,
    '  - name: app',
    '    image: polinux/stress:1.0.4',
    ...(resources.length > 0
      ? ['    resources:', ...resources.map(l => `      ${l}`)]
      : []),
  );
}

function resourcesCase(
  peer: PeerCase['peer'],
  check: string,
  source: string,
  peerReports: boolean,
  content: string,
  findingMatches: RegExp,
  differsBecause?: string,
): PeerCase {
  return {
    peer,
    check,
    source,
    name: source.split(' ').slice(1).join(' '),
    path: 'k8s.yaml',
    peerReports,
    content,
    findingMatches,
    differsBecause,
  };
}

const cases: PeerCase[] = [
  // Polaris memoryLimitsMissing and cpuRequestsMissing: this rule's memory-limit and CPU-request halves.
  resourcesCase(
    'polaris',
    'memoryLimitsMissing',
    `${POLARIS_DIR}/memoryLimitsMissing/failure.cpu.yaml`,
    true,
    podWithResources('nginx', ['limits:', '  cpu: 100m']),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'polaris',
    'memoryLimitsMissing',
    `${POLARIS_DIR}/memoryLimitsMissing/failure.yaml`,
    true,
    podWithResources('nginx', ['limits:']),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'polaris',
    'memoryLimitsMissing',
    `${POLARIS_DIR}/memoryLimitsMissing/success.yaml`,
    false,
    podWithResources('nginx', ['limits:', '  memory: "512Mi"']),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'polaris',
    'cpuRequestsMissing',
    `${POLARIS_DIR}/cpuRequestsMissing/failure.yaml`,
    true,
    podWithResources('nginx', ['requests:', '  memory: 128Mi']),
    CPU_REQUEST,
  ),
  resourcesCase(
    'polaris',
    'cpuRequestsMissing',
    `${POLARIS_DIR}/cpuRequestsMissing/success.yaml`,
    false,
    podWithResources('nginx', ['requests:', '  memory: 128Mi', '  cpu: 100m']),
    CPU_REQUEST,
  ),
  // KICS Memory Limits Not Defined: positive.yaml holds four Pods, one per case.
  resourcesCase(
    'kics',
    'Memory Limits Not Defined',
    `${KICS_DIR}/positive.yaml (document 1: a request nested under limits)`,
    true,
    podWithResources('memory-demo', [
      'limits:',
      '  requests:',
      '    memory: "100Mi"',
      'requests:',
      '  cpu: "0.5"',
    ]),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'kics',
    'Memory Limits Not Defined',
    `${KICS_DIR}/positive.yaml (document 2: only a CPU request)`,
    true,
    podWithResources('memory-demo-1', ['requests:', '  cpu: "0.5"']),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'kics',
    'Memory Limits Not Defined',
    `${KICS_DIR}/positive.yaml (document 3: no resources)`,
    true,
    podWithResources('memory-demo-2', []),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'kics',
    'Memory Limits Not Defined',
    `${KICS_DIR}/positive.yaml (document 4: an init container without resources)`,
    true,
    podWithResources('memory-demo-23', [], 'initContainers'),
    MEMORY_LIMIT,
  ),
  resourcesCase(
    'kics',
    'Memory Limits Not Defined',
    `${KICS_DIR}/negative1.yaml`,
    false,
    podWithResources('memory-demo-negative', [
      'limits:',
      '  memory: "200Mi"',
      'requests:',
      '  memory: "100Mi"',
    ]),
    MEMORY_LIMIT,
  ),
  // kube-linter's first document (the second is an OpenShift DeploymentConfig, a kind not read here).
  resourcesCase(
    'kubeLinter',
    'unset-memory-requirements',
    'stackrox/kube-linter tests/checks/unset-memory-requirements.yml (document 1)',
    true,
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app1',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        requests:',
      '          cpu: 1',
      '        limits:',
      '          cpu: 1',
    ),
    MEMORY_LIMIT,
  ),
];

describe('k8s-missing-resource-limits against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected('k8s-missing-resource-limits', peerCase),
      ).toBe(true);
    },
  );

  it('agrees with each peer on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({
      'polaris memoryLimitsMissing': '3/3',
      'polaris cpuRequestsMissing': '2/2',
      'kics Memory Limits Not Defined': '5/5',
      'kubeLinter unset-memory-requirements': '1/1',
    });
  });
});
