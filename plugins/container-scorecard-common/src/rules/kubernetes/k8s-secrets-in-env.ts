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
  equivalents: { kubeLinter: 'env-var-secret' },
  equivalentsNote:
    'kube-linter\'s `env-var-secret` flags literal values of variables whose name contains "secret"; this rule also recognises passwords, tokens and keys by name, and credentials by value (AWS keys, GitHub tokens, private keys, URLs with passwords). Polaris\' `sensitiveContainerEnvVar` is close but flags sensitive names even when the value comes from a Secret.',
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
