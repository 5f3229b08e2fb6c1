/*
 * Trivy's published cases for the Dockerfile checks mapped to rules of this folder, ported from
 * aquasecurity/trivy-checks checks/docker/<check>_test.rego (file named per check below). The
 * rego inputs are parsed stages; each is written as the Dockerfile that parses to it. A case
 * agrees when the mapped rules find something exactly when Trivy's deny does. Left out: inputs
 * no Dockerfile can express (DS-0002 test_empty_user_denied, a USER with no argument; DS-0005
 * test_add_file_colon_in_allowed and test_add_multi_colon_in_allowed, the `file:<hash> in /dir`
 * form of image history, not Dockerfile syntax).
 *
 * | check   | cases | agreed | deliberate differences                                   |
 * | DS-0002 |    10 |      9 | 1: a root USER ending an earlier stage (as hadolint)     |
 * | DS-0004 |     3 |      3 | none                                                     |
 * | DS-0005 |     8 |      8 | none                                                     |
 * | DS-0007 |     2 |      2 | none                                                     |
 * | DS-0013 |     3 |      3 | none                                                     |
 * | DS-0016 |     2 |      2 | none                                                     |
 * | DS-0026 |     2 |      2 | none                                                     |
 */
import { findingsFor } from '../../testing';

interface TrivyCase {
  check: string;
  name: string;
  rules: string[];
  dockerfile: string;
  trivyDenies: boolean;
  /** Why this project deliberately answers otherwise (as the rule's equivalentsNote says). */
  differs?: string;
}

const l = (...text: string[]) => text.join('\n');
const USER_RULES = ['no-user-in-final-stage', 'last-user-root'];

const CASES: TrivyCase[] = [
  // root_user_test.rego
  ...(
    [
      ['test_not_root_allowed', l('FROM alpine:3.13', 'USER user1'), false],
      [
        'test_last_non_root_allowed',
        l('FROM alpine:3.13', 'USER root', 'USER user1'),
        false,
      ],
      ['test_no_user_cmd_denied', l('FROM alpine:3.13', 'EXPOSE 22'), true],
      [
        'test_last_root_denied',
        l(
          'FROM alpine:3.13',
          'RUN apt-get update',
          'USER user1',
          'RUN apt-get update',
          'USER root',
          'RUN apt-get update',
        ),
        true,
      ],
      [
        'test_last_root_case_2',
        l('FROM alpine:3.13', 'USER user1', 'USER root'),
        true,
      ],
      [
        'test_last_root_with_group_denied',
        l('FROM alpine:3.13', 'USER user1', 'USER root:root'),
        true,
      ],
      [
        'test_last_root_as_uid_number_denied',
        l('FROM alpine:3.13', 'USER user1', 'USER 0'),
        true,
      ],
      [
        'test_last_root_as_uid_number_with_group_denied',
        l('FROM alpine:3.13', 'USER user1', 'USER 0:0'),
        true,
      ],
      [
        'test_multi_stage_build_denied_if_last_stage_does_not_specify_user',
        l(
          'FROM alpine:3.13',
          'USER root',
          'FROM alpine:3.14',
          'COPY blah.zip /',
        ),
        true,
      ],
    ] as const
  ).map(([name, dockerfile, trivyDenies]) => ({
    check: 'DS-0002',
    name,
    rules: USER_RULES,
    dockerfile,
    trivyDenies,
  })),
  {
    check: 'DS-0002',
    name: 'test_multi_stage_build_allowed_if_last_stage_uses_non_root',
    rules: USER_RULES,
    dockerfile: l(
      'FROM alpine:3.13',
      'USER root',
      'FROM alpine:3.14',
      'USER user1',
    ),
    trivyDenies: false,
    differs:
      'last-user-root checks every stage, as hadolint DL3002 does: a stage ending as root hands root to any stage built FROM it',
  },
  // port22_test.rego
  ...(
    [
      ['test_denied', 'EXPOSE 22', true],
      ['test_tcp_denied', 'EXPOSE 22/tcp', true],
      ['test_allowed', 'EXPOSE 8080', false],
    ] as const
  ).map(([name, expose, trivyDenies]) => ({
    check: 'DS-0004',
    name,
    rules: ['expose-ssh-port'],
    dockerfile: l('FROM alpine:3.13', expose),
    trivyDenies,
  })),
  // add_instead_of_copy_test.rego
  ...(
    [
      [
        'test_mixed_commands_denied',
        l(
          'ADD /target/resources.tar.gz resources.jar',
          'ADD /target/app.jar app.jar',
        ),
        true,
      ],
      ['test_add_command_denied', 'ADD /target/app.jar app.jar', true],
      ['test_run_allowed', 'RUN tar -xjf /temp/package.file.tar.gz', false],
      ['test_copy_allowed', 'COPY test.txt test2.txt', false],
      [
        'test_add_tar_allowed',
        'ADD /target/resources.tar.gz resources.tar.gz',
        false,
      ],
      [
        'test_add_http_url_allowed',
        'ADD http://example.com/foo.txt bar.txt',
        false,
      ],
      [
        'test_add_https_url_allowed',
        'ADD https://example.com/foo.txt bar.txt',
        false,
      ],
      [
        'test_add_git_url_allowed',
        'ADD git@github.com:user/repo.git /usr/src/things/',
        false,
      ],
    ] as const
  ).map(([name, instructions, trivyDenies]) => ({
    check: 'DS-0005',
    name,
    rules: ['add-instead-of-copy'],
    dockerfile: l('FROM alpine:3.13', instructions),
    trivyDenies,
  })),
  // multiple_entrypoint_instructions_listed_test.rego
  {
    check: 'DS-0007',
    name: 'test_denied',
    rules: ['multiple-entrypoint-instructions'],
    dockerfile: l(
      'FROM golang:1.7.3',
      'ENTRYPOINT ["/opt/app/run.sh", "--port", "8080"]',
      'ENTRYPOINT ["/opt/app/run.sh", "--port", "8000"]',
      'FROM alpine:latest',
      'ENTRYPOINT ["/opt/app/run.sh", "--port", "8080"]',
    ),
    trivyDenies: true,
  },
  {
    check: 'DS-0007',
    name: 'test_allowed',
    rules: ['multiple-entrypoint-instructions'],
    dockerfile: l(
      'FROM golang:1.7.3',
      'ENTRYPOINT ["/opt/app/run.sh", "--port", "8080"]',
      'FROM alpine:latest',
      'ENTRYPOINT ["/opt/app/run.sh", "--port", "8080"]',
    ),
    trivyDenies: false,
  },
  // run_command_cd_instead_of_workdir_test.rego
  ...(
    [
      ['test_basic_denied', l('FROM nginx', 'RUN cd /usr/share/nginx/html')],
      [
        'test_chaining_denied',
        l(
          'FROM nginx',
          'ENV AUTHOR Docker',
          'RUN apt-get install vim && cd /usr/share/nginx/html',
        ),
      ],
    ] as const
  ).map(([name, start]) => ({
    check: 'DS-0013',
    name,
    rules: ['cd-instead-of-workdir'],
    dockerfile: l(
      start,
      `CMD cd /usr/share/nginx/html && sed -e s/Docker/"$AUTHOR"/ Hello_docker.html > index.html ; nginx -g 'daemon off;'`,
    ),
    trivyDenies: true,
  })),
  {
    check: 'DS-0013',
    name: 'test_basic_allowed',
    rules: ['cd-instead-of-workdir'],
    dockerfile: l(
      'FROM nginx',
      'WORKDIR /usr/share/nginx/html',
      'COPY Hello_docker.html /usr/share/nginx/html',
      `CMD cd /usr/share/nginx/html && sed -e s/Docker/"$AUTHOR"/ Hello_docker.html > index.html ; nginx -g 'daemon off;'`,
    ),
    trivyDenies: false,
  },
  // multiple_cmd_instructions_listed_test.rego
  {
    check: 'DS-0016',
    name: 'test_denied',
    rules: ['multiple-cmd-instructions'],
    dockerfile: l(
      'FROM golang:1.7.3',
      'CMD ./app',
      'CMD ./apps',
      'FROM alpine:latest',
      'CMD ./app',
    ),
    trivyDenies: true,
  },
  {
    check: 'DS-0016',
    name: 'test_allowed',
    rules: ['multiple-cmd-instructions'],
    dockerfile: l(
      'FROM golang:1.7.3',
      'CMD ./app',
      'FROM alpine:latest',
      'CMD ./app',
    ),
    trivyDenies: false,
  },
  // no_healthcheck_instruction_test.rego
  {
    check: 'DS-0026',
    name: 'test_denied',
    rules: ['missing-healthcheck'],
    dockerfile: l(
      'FROM busybox',
      'RUN apt-get -y update',
      'FROM alpine:latest',
      'CMD ./app',
    ),
    trivyDenies: true,
  },
  {
    check: 'DS-0026',
    name: 'test_allowed',
    rules: ['missing-healthcheck'],
    dockerfile: l(
      'FROM golang:1.7.3',
      'CMD ./app',
      'FROM alpine:latest',
      'HEALTHCHECK CMD /bin/healthcheck',
      'CMD ./app',
    ),
    trivyDenies: false,
  },
];

async function weFind(rules: string[], dockerfile: string): Promise<boolean> {
  for (const rule of rules)
    if ((await findingsFor(rule, `${dockerfile}\n`)).length > 0) return true;
  return false;
}

describe('Dockerfile rules against Trivy published cases', () => {
  it.each(CASES)(
    '$check $name',
    async ({ rules, dockerfile, trivyDenies, differs }) => {
      expect(await weFind(rules, dockerfile)).toBe(
        differs ? !trivyDenies : trivyDenies,
      );
    },
  );

  it('agrees on the figures its header reports', () => {
    const figures: Record<string, string> = {};
    for (const c of CASES) {
      const [agreed, total] = (figures[c.check] ?? '0/0')
        .split('/')
        .map(Number);
      figures[c.check] = `${agreed + (c.differs ? 0 : 1)}/${total + 1}`;
    }
    expect(figures).toEqual({
      'DS-0002': '9/10',
      'DS-0004': '3/3',
      'DS-0005': '8/8',
      'DS-0007': '2/2',
      'DS-0013': '3/3',
      'DS-0016': '2/2',
      'DS-0026': '2/2',
    });
  });
});
