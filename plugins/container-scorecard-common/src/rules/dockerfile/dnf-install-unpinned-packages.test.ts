/*
 * hadolint's published cases for DL3041 are ported below, with the ONBUILD variants hadolint
 * gives: https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3041Spec.hs
 * (rule source src/Hadolint/Rule/DL3041.hs, whose version-likeness test is ported as is). The
 * spec gives ONBUILD variants for dnf only; the rule runs on ONBUILD RUN for both programs, as
 * hadolint's `onbuild dl3041` does, so every case is checked in both forms here.
 *
 * | assertions | agreed | deliberate differences |
 * |         20 |     20 | none |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'dnf-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM fedora:41', run))).length;
}

describe('dnf-install-unpinned-packages', () => {
  describe('hadolint DL3041Spec', () => {
    it.each([
      'RUN dnf install -y tomcat && dnf clean all',
      'RUN microdnf install -y tomcat && microdnf clean all',
      'RUN dnf module install -y tomcat && dnf clean all',
      'RUN microdnf module install -y tomcat && microdnf clean all',
    ])('flags %s', async run => {
      expect(await flagged(run)).toBe(1);
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });

    it.each([
      'RUN dnf install -y tomcat-9.0.1 && dnf clean all',
      'RUN microdnf install -y tomcat-9.0.1 && microdnf clean all',
      'RUN notdnf install tomcat',
      'RUN dnf module install -y tomcat:9 && dnf clean all',
      'RUN microdnf module install -y tomcat:9 && microdnf clean all',
      'RUN notdnf module install tomcat',
    ])('does not flag %s', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });
  });

  it.each([
    ['python3-pip', 1],
    ['python3-pip-23.2.1', 0],
    ['nginx-1:1.24.0-1.el9', 0],
    ['glibc-langpack-en', 1],
    ['/tmp/tool-1.0.x86_64.rpm', 0],
    ['"mysql-shell-$MYSQL_SHELL_VERSION"', 0],
  ])('reads %s as hadolint does', async (word, count) => {
    expect(await flagged(`RUN dnf install -y ${word}`)).toBe(count);
  });

  it('leaves group installs alone and names the program in the message', async () => {
    expect(await flagged('RUN dnf group install -y "Development Tools"')).toBe(
      0,
    );
    const [finding] = await findingsFor(
      RULE,
      lines('FROM fedora:41', 'RUN microdnf install -y jq'),
    );
    expect(finding.message).toContain('microdnf install');
  });
});
