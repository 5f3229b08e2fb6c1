import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { keyValuePairs } from './helpers/keyValuePairs';

/** Names that say the value is a credential. */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CLIENT_SECRET|CREDENTIALS?|AUTH_?TOKEN)(_|$)/;
/** A last name part that says the value is about the secret, not the secret itself. */
const NOT_THE_SECRET =
  /_(FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|USER|USERNAME|NAME|ID|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRES|HEADER|ENABLED|ENABLE|MODE|TYPE|VERSION|REGION)$/;

/** Well-known credential formats, found whatever the variable is called. */
const SECRET_VALUES: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  {
    kind: 'a GitHub token',
    pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/,
  },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  {
    kind: 'a Slack webhook',
    pattern:
      /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/,
  },
  { kind: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  {
    kind: 'a private key',
    pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/,
  },
];

/** Values that say "no secret here". */
const NOT_A_SECRET =
  /^(no|none|null|nil|false|true|off|disabled?|unset|empty|n\/a|-+|x+|\*+|dummy|placeholder|<[^>]*>)$/i;

/** Values that are not literal secrets: references, paths, placeholders for the real one. */
export function isReferenceOrPath(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === '' ||
    NOT_A_SECRET.test(trimmed) ||
    // `_`, `-`, `..`: too short or without a letter or digit to be a credential.
    trimmed.length < 3 ||
    !/[A-Za-z0-9]/.test(trimmed) ||
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}?$/.test(trimmed) ||
    /^(\/|\.\.?\/|~\/|file:)/.test(trimmed)
  );
}

/** Shows enough of a secret to find it, never the secret itself. */
export function maskSecret(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length <= 8) return '*'.repeat(Math.max(trimmed.length, 4));
  return `${trimmed.slice(0, 4)}…(${trimmed.length} characters)`;
}

/** Flags credentials written into ENV, ARG defaults and LABEL values. */
export const secretInEnvOrArg = defineRule({
  id: 'secret-in-env-or-arg',
  pillar: 'config-outside',
  severity: 'critical',
  appliesTo: ['dockerfile'],
  title: 'Secret in ENV, ARG or LABEL',
  message:
    'A credential is written into the Dockerfile: it ships inside every copy of the image.',
  rationale:
    'ENV, ARG defaults and LABEL values are stored in the image configuration and its history: anyone who can pull the image, or read the repository, can read them, for as long as the image exists. A container should receive its secrets at run time from the platform, so the same image runs everywhere and a leaked credential can be rotated without a rebuild.',
  remediation: {
    description:
      'Remove the value and rotate the credential. Pass it at run time (an orchestrator secret mounted as a file or an environment variable); for build steps that need it, use a BuildKit secret mount.',
    before:
      'ENV DB_PASSWORD=s3cr3t-p4ss\nARG NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nRUN npm ci',
    after:
      'ENV DB_PASSWORD_FILE=/run/secrets/db_password\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
  },
  equivalents: { trivy: 'DS-0031', checkov: 'CKV_DOCKER_1005' },
  equivalentLinks: {
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/leaked_secrets.rego',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/SecretsInEnvArg.py',
  },
  equivalentsNote:
    'Trivy DS-0031 flags a short list of credential variable names (GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, …) even without a value, in the final stage only; here a secret-named build argument without a value is reported by secret-build-arg-used-in-run when a RUN records it in the history. Checkov CKV_DOCKER_1005 (checkov/dockerfile/checks/SecretsInEnvArg.py, a recent check) flags ENV and ARG text where key, secret, token, password, pwd, auth, credential or api_key is followed by `=`, or that holds an AWS key id, a ghp_ token, a JWT, a private key header or a Slack token; it reads no quotes, so `ENV API_KEY=${API_KEY}` or `ARG TOKEN=` count there. This rule needs a literal value (not a reference, path or placeholder), checks every stage and LABEL too, and recognises common key formats whatever the name. Trivy DS-0031 also flags credentials typed into a RUN (`aws configure set aws_secret_access_key …`, `gcloud auth activate-service-account`, `az login`) without a secret mount: no rule here reads RUN commands for credentials yet.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      if (!['ENV', 'ARG', 'LABEL'].includes(instruction.keyword)) continue;
      for (const pair of keyValuePairs(
        instruction,
        file.lineIndex,
        model.escapeChar,
      )) {
        if (pair.value === undefined) continue;
        const byValue = SECRET_VALUES.find(s => s.pattern.test(pair.value!));
        if (byValue) {
          const match = byValue.pattern.exec(pair.value)![0];
          reports.push({
            range: pair.keyRange,
            message: `${instruction.keyword} ${pair.key} holds ${
              byValue.kind
            } (${maskSecret(
              match,
            )}): remove it, rotate it, and inject it at run time.`,
          });
          continue;
        }
        const name = pair.key.toUpperCase().replace(/[.-]/g, '_');
        if (!SECRET_NAME.test(name) || NOT_THE_SECRET.test(name)) continue;
        if (isReferenceOrPath(pair.value)) continue;
        reports.push({
          range: pair.keyRange,
          message: `${instruction.keyword} ${
            pair.key
          } sets a literal credential (${maskSecret(
            pair.value,
          )}): remove it, rotate it, and inject it at run time.`,
        });
      }
    }
    return reports;
  },
});
