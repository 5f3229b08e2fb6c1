/*
 * Checkov's published examples for the Dockerfile checks mapped to rules of this folder, ported
 * from bridgecrewio/checkov tests/dockerfile/checks/example_<Check>/<case>/Dockerfile (the
 * expected results are in the test_<Check>.py next to them). A case agrees when the mapped rules
 * find something exactly when Checkov fails the file.
 *
 * | check                     | examples | agreed | deliberate differences |
 * | CKV_DOCKER_2 Healthcheck  |        2 |      2 | none                   |
 * | CKV_DOCKER_3 UserExists   |        5 |      5 | none                   |
 * | CKV_DOCKER_4 AddExists    |        1 |      1 | none                   |
 * | CKV_DOCKER_8 RootUser     |        2 |      2 | none                   |
 */
import { findingsFor } from '../../testing';

interface CheckovExample {
  check: string;
  example: string;
  rules: string[];
  dockerfile: string;
  checkovFails: boolean;
}

const CASES: CheckovExample[] = [
  {
    check: 'CKV_DOCKER_2',
    example: 'example_HealthcheckExists/failure',
    rules: ['missing-healthcheck'],
    dockerfile: 'FROM base\n\nLABEL foo="bar baz\nUSER  me\n',
    checkovFails: true,
  },
  {
    check: 'CKV_DOCKER_2',
    example: 'example_HealthcheckExists/success',
    rules: ['missing-healthcheck'],
    dockerfile:
      'FROM base\n\nLABEL foo="bar baz\nUSER  me\n\nHEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1\n',
    checkovFails: false,
  },
  {
    check: 'CKV_DOCKER_3',
    example: 'example_UserExists/failure_no_user',
    rules: ['no-user-in-final-stage'],
    dockerfile: 'FROM base\n\nLABEL foo="bar baz"\n',
    checkovFails: true,
  },
  {
    check: 'CKV_DOCKER_3',
    example: 'example_UserExists/success_user',
    rules: ['no-user-in-final-stage'],
    dockerfile: 'FROM base\n\nLABEL foo="bar baz"\nUSER  me\n',
    checkovFails: false,
  },
  {
    check: 'CKV_DOCKER_3',
    example: 'example_UserExists/success_gosu',
    rules: ['no-user-in-final-stage'],
    dockerfile:
      'FROM base\n\nLABEL foo="bar baz"\nENTRYPOINT ["gosu", "me", "tini", "--", "/bin/sh"]\n',
    checkovFails: false,
  },
  {
    check: 'CKV_DOCKER_3',
    example: 'example_UserExists/failure_no_gosu_cmd',
    rules: ['no-user-in-final-stage'],
    dockerfile: 'FROM base\n\nLABEL foo="bar baz"\nCMD ["gosu"]\n',
    checkovFails: true,
  },
  {
    check: 'CKV_DOCKER_3',
    example: 'example_UserExists/failure_no_gosu_entrypoint',
    rules: ['no-user-in-final-stage'],
    dockerfile: 'FROM base\n\nLABEL foo="bar baz"\nENTRYPOINT ["gosu"]\n',
    checkovFails: true,
  },
  {
    // Checkov fails every ADD; a remote one is add-remote-url-without-checksum's finding here.
    check: 'CKV_DOCKER_4',
    example: 'example_AddExists/failure',
    rules: ['add-instead-of-copy', 'add-remote-url-without-checksum'],
    dockerfile:
      'FROM  base\n\nLABEL foo="bar baz"\nADD http://example.com/package.zip /temp\nUSER  me\n',
    checkovFails: true,
  },
  {
    check: 'CKV_DOCKER_8',
    example: 'example_RootUser/failure',
    rules: ['last-user-root'],
    dockerfile: 'FROM base\n\nUSER root\n',
    checkovFails: true,
  },
  {
    check: 'CKV_DOCKER_8',
    example: 'example_RootUser/success',
    rules: ['last-user-root'],
    dockerfile:
      'FROM base\n\nUSER root\nCOPY test.sh /test.sh\n\nUSER checkov\n',
    checkovFails: false,
  },
];

async function weFind(rules: string[], dockerfile: string): Promise<boolean> {
  for (const rule of rules)
    if ((await findingsFor(rule, dockerfile)).length > 0) return true;
  return false;
}

describe('Dockerfile rules against Checkov published examples', () => {
  it.each(CASES)(
    '$check $example',
    async ({ rules, dockerfile, checkovFails }) => {
      expect(await weFind(rules, dockerfile)).toBe(checkovFails);
    },
  );
});
