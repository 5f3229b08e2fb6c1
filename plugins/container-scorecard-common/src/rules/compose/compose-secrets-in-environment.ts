import { defineRule } from '../framework/defineRule';
import { literalSecretIn, maskSecret } from '../shared/envSecrets';
import { environmentEntries } from './composeHelpers';

/** Flags credentials written literally in a service's `environment:` (map or list form). */
export const composeSecretsInEnvironment = defineRule({
  id: 'compose-secrets-in-environment',
  pillar: 'config-outside',
  severity: 'critical',
  appliesTo: ['compose'],
  title: 'Secret written in the compose file',
  message:
    'A credential is written literally in `environment:`: inject it at run time instead.',
  rationale:
    'A compose file lives in the repository, so a password written in it is shared with everyone who can clone the repository, every fork and every CI log that prints the configuration, and it stays in the history after it is rotated. Configuration belongs outside the definition: the same file should run in every environment, with the secret supplied by whoever runs it.',
  remediation: {
    description:
      'Interpolate the value from the environment or an untracked `.env` file, or use Compose `secrets:` and have the service read the file (most official images accept `*_FILE` variables).',
    before:
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Passw0rd',
    after:
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    environment: DB_PASSWORD',
  },
  equivalents: {},
  equivalentsNote:
    'KICS has no compose-specific query; its generic "Passwords And Secrets" queries scan every file for similar patterns. Values that only name a file are not secrets: `GOOGLE_APPLICATION_CREDENTIALS: /run/secrets/gcp.json`, `*_PASSWORD_FILE`, `*_CREDENTIALS_FILE`, `*_KEY_FILE` or a relative `certs/tls.key` point at a secret mounted as a file, which is the pattern the remediation recommends.',
  check({ file }) {
    return file.compose.services.flatMap(service =>
      environmentEntries(service, file.lineIndex).flatMap(entry => {
        const secret = literalSecretIn(entry.name, entry.value);
        if (!secret) return [];
        return [
          {
            range: entry.nameRange,
            message: `Service "${service.name}" sets ${
              entry.name
            } to a literal secret ("${maskSecret(entry.value)}"; ${
              secret.because
            }): inject it at run time instead.`,
          },
        ];
      }),
    );
  },
});
