/*
 * hadolint's published cases for DL3037 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3037Spec.hs
 * (rule source src/Hadolint/Rule/DL3037.hs). As in hadolint's spec, `>` and `<` are escaped
 * with a backslash so that the shell does not read them as redirections.
 *
 * | assertions | agreed | deliberate differences |
 * |         14 |     14 | none |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'zypper-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM opensuse/leap:15.6', run)))
    .length;
}

describe('zypper-install-unpinned-packages', () => {
  describe('hadolint DL3037Spec', () => {
    it('flags a package without a version', async () => {
      const run = 'RUN zypper install -y tomcat && zypper clean';
      expect(await flagged(run)).toBe(1);
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });

    it.each([
      'RUN zypper install -y tomcat=9.0.39 && zypper clean',
      'RUN zypper install -y tomcat\\>=9.0 && zypper clean',
      'RUN zypper install -y tomcat\\>9.0 && zypper clean',
      'RUN zypper install -y tomcat\\<=9.0 && zypper clean',
      'RUN zypper install -y tomcat\\<9.0 && zypper clean',
      'RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean',
    ])('does not flag %s (nor its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });
  });

  it('reads the in alias and quoted bounds', async () => {
    expect(await flagged('RUN zypper --non-interactive in git')).toBe(1);
    expect(await flagged("RUN zypper in -y 'git>=2.43'")).toBe(0);
  });

  it('does not take option values for packages', async () => {
    expect(
      await flagged('RUN zypper install -y --repo oss git=2.43 && zypper cc'),
    ).toBe(0);
  });
});
