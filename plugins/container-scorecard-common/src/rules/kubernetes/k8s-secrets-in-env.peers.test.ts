import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS = 'sensitiveContainerEnvVar';
const POLARIS_DIR = 'FairwindsOps/polaris test/checks/sensitiveContainerEnvVar';
const KUBE_LINTER = 'env-var-secret';
const KUBE_LINTER_FILE = 'stackrox/kube-linter tests/checks/env-var-secret.yml';

/** A Pod named test-pod with one nginx container and these `env` entries, as in Polaris' tests. */
function polarisPod(env: string[]): string {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: test-pod',
    'spec:',
    '  containers:',
    '  - name: nginx',
    ...(env.length > 0 ? ['    env:', ...env.map(l => `    ${l}`)] : []),
    '    image: nginx',
    '    ports:',
    '    - containerPort: 80',
  );
}

/** One document of kube-linter's test file: a Deployment whose container sets `name=value`. */
function kubeLinterDeployment(kind: string, name: string, env: string) {
  return lines(
    `apiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'apps.openshift.io/v1'}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          env:',
    `            - name: ${env}`,
    '              value: secretsquirrels',
  );
}

const polaris = (
  file: string,
  peerReports: boolean,
  env: string[],
): PeerCase => ({
  peer: 'polaris',
  check: POLARIS,
  source: `${POLARIS_DIR}/${file}`,
  name: file,
  path: 'pod.yaml',
  peerReports,
  content: polarisPod(env),
});

const cases: PeerCase[] = [
  polaris('failure.key_aws_secret_access_key.yaml', true, [
    '- name: password',
    '  value: abc123',
    '- name: AWS_SECRET_ACCESS_KEY',
    '  value: xxx',
  ]),
  polaris('failure.key_azure_batch_key.yaml', true, [
    '- name: password',
    '  value: abc123',
    '- name: AZURE_BATCH_KEY',
    '  value: xxx',
  ]),
  polaris('failure.key_oci_cli_key_content.yaml', true, [
    '- name: password',
    '  value: abc123',
    '- name: OCI_CLI_KEY_CONTENT',
    '  value: xxx',
  ]),
  polaris('failure.key_password.yaml', true, [
    '- name: user_name',
    '  value: postgres',
    '- name: my_password',
    '  value: abc123',
  ]),
  polaris('failure.value_private_key.yaml', true, [
    '- name: user_name',
    '  value: postgres',
    '- name: the_good_stuff',
    '  value: |',
    '    ---BEGIN OPENSSH PRIVATE KEY---',
    '    xxxxx',
    '    ---END  OPENSSH PRIVATE KEY---',
  ]),
  polaris('success.no_env_vars.yaml', false, []),
  polaris('success.sensitive_key_uses_valueFrom.yaml', false, [
    '- name: token',
    '  valueFrom:',
    '    secretKeyRef:',
    '      key: token',
    '      name: a-secret',
  ]),
  polaris('success.valid_env_vars.yaml', false, [
    '- name: greeting',
    '  value: hello',
  ]),
  ...(
    [
      // Documents 2 and 4 repeat these as OpenShift DeploymentConfigs, a kind this project does
      // not read (see KUBERNETES_WORKLOAD_KINDS), so they are not ported.
      ['Deployment', 'dont-fire', 'BLAH', false, 1],
      ['Deployment', 'app', 'SECRET_BLAH', true, 3],
    ] as const
  ).map(
    ([kind, name, env, peerReports, document]): PeerCase => ({
      peer: 'kubeLinter',
      check: KUBE_LINTER,
      source: `${KUBE_LINTER_FILE} (document ${document})`,
      name: `${kind} ${name} with ${env}=secretsquirrels`,
      path: 'k8s.yaml',
      peerReports,
      content: kubeLinterDeployment(kind, name, env),
    }),
  ),
];

describe('k8s-secrets-in-env against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-secrets-in-env', peerCase)).toBe(true);
    },
  );

  it('agrees with each peer on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({
      [`polaris ${POLARIS}`]: '8/8',
      [`kubeLinter ${KUBE_LINTER}`]: '2/2',
    });
  });
});
