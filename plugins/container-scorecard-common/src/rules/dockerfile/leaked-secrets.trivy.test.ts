/*
 * Trivy's published cases for DS-0031 (do-not-pass-secrets), ported: aquasecurity/trivy-checks
 * checks/docker/leaked_secrets_test.rego. Trivy's check is one rule; here it is split in three
 * (secret-in-env-or-arg, secret-build-arg-used-in-run, secret-file-copied), so a case agrees
 * when any of the three finds what Trivy's deny finds, and none does when Trivy allows. The rego
 * inputs are parsed instructions; each is written as the Dockerfile that parses to it. Cases
 * that only change Trivy's own settings (check_args, excluded_envs, included_envs) have no
 * Dockerfile of their own and are left out.
 *
 * | cases | agreed | deliberate differences                                                 |
 * |    13 |      7 | 6: a secret name with no value, or no RUN to record one (4), an id    |
 * |       |        |    (1), credentials typed into `aws configure set` (1): see `differs`  |
 *
 * With those six set apart, agreement is 7/7.
 */
import { findingsFor } from '../../testing';

const RULES = [
  'secret-in-env-or-arg',
  'secret-build-arg-used-in-run',
  'secret-file-copied',
];
const l = (...text: string[]) => ['FROM busybox:1.36', ...text].join('\n');

interface TrivyCase {
  name: string;
  dockerfile: string;
  trivyDenies: boolean;
  /** Why this project deliberately answers otherwise (as the rules' equivalentsNote says). */
  differs?: string;
}

const CASES: TrivyCase[] = [
  {
    name: 'test_deny_secret_env_variable',
    // `ENV GITHUB_TOKEN` alone is not valid syntax; the old `ENV name value` form with an empty
    // value is the nearest Dockerfile.
    dockerfile: l('ENV GITHUB_TOKEN ""'),
    trivyDenies: true,
    differs: 'an empty ENV holds no secret',
  },
  {
    name: 'test_deny_secret_env_variable_with_default',
    dockerfile: l('ENV GITHUB_TOKEN=placeholder'),
    trivyDenies: true,
    differs:
      'a placeholder in ENV is not a credential, and no RUN records a value',
  },
  {
    name: 'test_deny_secret_arg_variable_with_default',
    dockerfile: l('ARG GITHUB_TOKEN=placeholder'),
    trivyDenies: true,
    differs:
      'no RUN follows the ARG, so --build-arg values are not recorded anywhere',
  },
  {
    name: 'test_deny_secret_arg',
    dockerfile: l('ARG GITHUB_TOKEN'),
    trivyDenies: true,
    differs:
      'no RUN follows the ARG, so --build-arg values are not recorded anywhere',
  },
  {
    name: 'test_deny_secret_arg_with_prefix',
    dockerfile: l('ARG VITE_AWS_ACCESS_KEY_ID=REPLACE_WITH_YOUR_OWN'),
    trivyDenies: true,
    differs: 'an access key id is an identifier, not the secret half',
  },
  {
    name: 'test_deny_copy_secret_file',
    dockerfile: l('COPY ./config $AWS_CONFIG_FILE'),
    trivyDenies: true,
  },
  {
    name: 'test_allow_secret_file_without_copy',
    dockerfile: l(
      'ENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/google-storage-service.json',
    ),
    trivyDenies: false,
  },
  {
    name: 'test_allow_secret_file_copy_with_other_base_path',
    dockerfile: l(
      'COPY /src /src',
      'ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json',
    ),
    trivyDenies: false,
  },
  {
    name: 'test_deny_secret_file',
    dockerfile: l(
      'COPY /src /app/',
      'ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_deny_secret_file_quoted_path',
    dockerfile: l(
      'COPY . .',
      'ENV GOOGLE_APPLICATION_CREDENTIALS="./news-extraction.json"',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_deny_secret_file_in_arg',
    dockerfile: l(
      'COPY /src /app/',
      'ARG GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_deny_secret_in_set_command',
    dockerfile: l(
      'RUN aws configure set aws_access_key_id test-id &&     aws configure set aws_secret_access_key test-key',
    ),
    trivyDenies: true,
    differs:
      'credentials typed into a RUN command are not checked by these rules',
  },
  {
    name: 'test_allow_secret_in_set_command_with_secret_mount',
    dockerfile: l(
      'RUN --mount=type=secret,id=aws-key-id,env=AWS_ACCESS_KEY_ID --mount=type=secret,id=aws-secret-key,env=AWS_SECRET_ACCESS_KEY aws configure set aws_access_key_id $(cat /run/secrets/aws-key-id) &&     aws configure set aws_secret_access_key $(cat /run/secrets/aws-secret-key)',
    ),
    trivyDenies: false,
  },
];

async function weFind(dockerfile: string): Promise<boolean> {
  for (const rule of RULES)
    if ((await findingsFor(rule, `${dockerfile}\n`)).length > 0) return true;
  return false;
}

describe('secret rules against Trivy DS-0031 (leaked_secrets_test.rego)', () => {
  it.each(CASES)('$name', async ({ dockerfile, trivyDenies, differs }) => {
    expect(await weFind(dockerfile)).toBe(differs ? !trivyDenies : trivyDenies);
  });

  it('agrees on the figure its header reports', () => {
    const agreed = CASES.filter(c => !c.differs).length;
    expect({ agreed, total: CASES.length }).toEqual({ agreed: 7, total: 13 });
  });
});
