import { defineRule } from '../framework/defineRule';
import { literalSecretIn, maskSecret } from '../shared/envSecrets';
import { containerLabel, isRecord } from './k8sHelpers';

/** Flags literal `env[].value`s that look like credentials; `valueFrom` references are fine. */
export const k8sSecretsInEnv = defineRule({
  id: 'k8s-secrets-in-env',
  pillar: 'config-outside',
  severity: 'critical',
  appliesTo: ['kubernetes'],
  title: 'Secret written in the manifest',
  message:
    'A credential is written literally in `env`: reference a Secret instead.',
  rationale:
    'A manifest is versioned, reviewed, copied between clusters and readable by anyone who can `kubectl get` the workload, so a password written in it is effectively public and stays in the history after rotation. The same workload should run in every environment with its secrets supplied by the cluster: a Secret (or an external secret store) referenced by name.',
  remediation: {
    description:
      'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file).',
    before: 'env:\n  - name: DB_PASSWORD\n    value: s3cr3t-Passw0rd',
    after:
      'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app-db\n        key: password',
  },
  equivalents: {
    kubeLinter: 'env-var-secret',
    polaris: 'sensitiveContainerEnvVar',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=env-var-secret',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/sensitiveContainerEnvVar.yaml',
  },
  equivalentsNote:
    "Polaris' `sensitiveContainerEnvVar` is the same check: it reads only entries with a literal `value` (a `valueFrom` reference passes), by name (password, token, secret, bearer, AWS_SECRET_ACCESS_KEY, AZURE_*KEY, OCI_CLI_KEY_CONTENT, GOOGLE_APPLICATION_CREDENTIALS) and by value (a private key); its published examples all agree with this rule. kube-linter's `env-var-secret` flags literal values of variables whose name contains \"secret\". Deliberately narrower than both: values that only name a file (`GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/key.json`, `*_PASSWORD_FILE`, `*_KEY_FILE`, a relative `keys/tls.pem`), references (`$(VAR)`) and placeholders (`xxx`, `<token>`) are not secrets: mounting the Secret as a file and passing its path is the recommended pattern. Beyond both, credentials are also recognised by value (AWS keys, GitHub and GitLab tokens, URLs with passwords). kube-linter's OpenShift DeploymentConfig examples are not read: that kind is not scanned.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const env = container.value.env;
        if (!Array.isArray(env)) return [];
        return env.flatMap((variable, index) => {
          if (!isRecord(variable) || typeof variable.name !== 'string')
            return [];
          if (variable.valueFrom !== undefined) return [];
          const secret = literalSecretIn(variable.name, variable.value);
          if (!secret) return [];
          const location =
            container.locate(['env', index, 'name']) ??
            container.locate(['env', index]);
          return [
            {
              range: location?.range ?? container.range,
              message: `${containerLabel(workload, container)} sets ${
                variable.name
              } to a literal secret ("${maskSecret(variable.value)}"; ${
                secret.because
              }): reference a Secret instead.`,
            },
          ];
        });
      }),
    );
  },
});
