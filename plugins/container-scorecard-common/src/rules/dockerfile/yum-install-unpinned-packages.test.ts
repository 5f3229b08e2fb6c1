/*
 * hadolint's published cases for DL3033 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3033Spec.hs
 * (rule source src/Hadolint/Rule/DL3033.hs).
 *
 * | assertions | agreed | deliberate differences |
 * |         10 |     10 | none (the spec repeats one case, 12 calls in all) |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'yum-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM centos:7', run))).length;
}

describe('yum-install-unpinned-packages', () => {
  describe('hadolint DL3033Spec', () => {
    it.each([
      [
        'without version pinning',
        'RUN yum install -y tomcat && yum clean all',
        1,
      ],
      [
        'with version pinning',
        'RUN yum install -y tomcat-9.2 && yum clean all',
        0,
      ],
      ['not even a yum command', 'RUN bash -c `# not even a yum command`', 0],
      [
        'a module without a stream',
        'RUN yum module install -y tomcat && yum clean all',
        1,
      ],
      [
        'a module with a stream',
        'RUN yum module install -y tomcat:9 && yum clean all',
        0,
      ],
    ])('%s', async (_name, run, count) => {
      expect(await flagged(run)).toBe(count);
      expect(await flagged(`ONBUILD ${run}`)).toBe(count);
    });
  });

  it('accepts local rpm files and names only the unpinned packages', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines(
        'FROM centos:7',
        'RUN yum install -y /tmp/tool.rpm httpd-2.4.6 git',
      ),
    );
    expect(finding.message).toContain('git');
    expect(finding.message).not.toContain('httpd');
  });

  it('does not take option values or bare variables for packages', async () => {
    expect(
      await flagged(
        'RUN yum install -y --enablerepo epel jq-1.6 && yum clean all',
      ),
    ).toBe(0);
    expect(await flagged('RUN yum install -y $PACKAGES')).toBe(0);
  });
});
