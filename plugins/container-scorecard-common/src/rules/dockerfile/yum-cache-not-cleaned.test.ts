/*
 * hadolint's published cases for DL3032 are ported below, each with its ONBUILD variant where
 * hadolint gives one:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3032Spec.hs
 * (the version with "ok with rm -rf /var/cache/yum/*", "not ok with clean before install" and
 * "strict all-args matching for yum cleanup").
 *
 * | assertions | agreed | deliberate differences |
 * |         20 |     20 | none |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'yum-cache-not-cleaned';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM centos:7', run))).length;
}

describe('yum-cache-not-cleaned', () => {
  describe('hadolint DL3032Spec', () => {
    it.each([
      ['no clean all', 'RUN yum install -y mariadb-10.4', 1],
      ['yum clean all', 'RUN yum install -y mariadb-10.4 && yum clean all', 0],
      ['not even a yum command', 'RUN bash -c `# not even a yum command`', 0],
      [
        'rm -rf /var/cache/yum/*',
        'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
        0,
      ],
      ['clean before install', 'RUN yum clean all && yum install -y', 1],
      ['yum clean alone', 'RUN yum install -y bash && yum clean', 1],
      ['yum clean cache', 'RUN yum install -y bash && yum clean cache', 1],
      [
        'rm of the apt lists',
        'RUN yum install -y bash && rm -rf /var/lib/apt/lists/*',
        1,
      ],
      [
        'rm of the dnf5 cache',
        'RUN yum install -y bash && rm -rf /var/cache/libdnf5',
        1,
      ],
      [
        'rm of another directory first',
        'RUN rm -rf /foo/bar && yum install -y bash && rm -rf /var/cache/yum/*',
        0,
      ],
    ])('%s', async (_name, run, count) => {
      expect(await flagged(run)).toBe(count);
      expect(await flagged(`ONBUILD ${run}`)).toBe(count);
    });
  });

  it.each([
    ['a cache mount', 'type=cache'],
    ['a tmpfs mount', 'type=tmpfs'],
  ])('accepts %s on /var/cache/yum', async (_name, type) => {
    expect(
      await flagged(
        `RUN --mount=${type},target=/var/cache/yum yum install -y httpd-2.4.6`,
      ),
    ).toBe(0);
  });

  it('flags each RUN that installs without cleaning', async () => {
    const content = lines(
      'FROM centos:7',
      'RUN yum install -y httpd-2.4.6 && yum clean all',
      'RUN sudo yum install -y git-1.8.3',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3]);
  });

  it('fixes by appending yum clean all', async () => {
    expect(
      await fixedBy(RULE, lines('FROM centos:7', 'RUN yum install -y httpd')),
    ).toBe(lines('FROM centos:7', 'RUN yum install -y httpd && yum clean all'));
  });

  it('honours hadolint ignore=DL3032', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM centos:7',
        '# hadolint ignore=DL3032',
        'RUN yum install -y x',
      ),
    );
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });
});

describe('yum-cache-not-cleaned stages', () => {
  it('deliberately leaves a build stage that is only copied from alone', async () => {
    const content = lines(
      'FROM centos:7 AS build',
      'RUN yum install -y gcc-4.8.5',
      'FROM centos:7',
      'COPY --from=build /out /out',
      'RUN yum install -y httpd-2.4.6 && yum clean all',
    );
    expect(await findingsFor('yum-cache-not-cleaned', content)).toEqual([]);
  });

  it('checks a stage that another stage is built FROM', async () => {
    const content = lines(
      'FROM centos:7 AS build',
      'RUN yum install -y gcc-4.8.5',
      'FROM build',
      'USER 1000',
    );
    expect(await findingsFor('yum-cache-not-cleaned', content)).toHaveLength(1);
  });
});
