/*
 * hadolint's published cases for DL3016 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3016Spec.hs
 * (rule source src/Hadolint/Rule/DL3016.hs; the version ending with the --registry cases).
 *
 * | assertions | agreed | deliberate differences |
 * |         64 |     64 | none                   |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'npm-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM node:22', run))).length;
}

describe('npm-install-unpinned-packages', () => {
  describe('hadolint DL3016Spec', () => {
    it.each([
      'RUN npm install',
      'RUN npm install --progress=false',
      'RUN npm install express@4.1.1',
      'RUN npm install @myorg/privatepackage@">=0.1.0"',
      'RUN npm install express@"4.1.1" sax@0.1.1',
      'RUN npm install --global express@"4.1.1"',
      'RUN npm install -g express@"4.1.1"',
      'RUN npm install package-v1.2.3.tar',
      'RUN npm install package-v1.2.3.tar.gz',
      'RUN npm install package-v1.2.3.tgz',
      'RUN npm install /folder',
      'RUN npm install ./folder',
      'RUN npm install ../folder',
      'RUN npm install ~/folder',
      'RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27',
      'RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0',
      'RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27',
      'RUN npm install git://github.com/npm/npm.git#v1.0.27',
      'RUN npm run --crazy install',
      'RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"',
      'RUN npm install --loglevel verbose sax@0.1.1',
      'RUN npm install --registry https://example.com sax@0.1.1',
    ])('does not flag %s (nor its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });

    it.each([
      'RUN npm install express',
      'RUN npm install @myorg/privatepackage',
      'RUN npm install express sax@0.1.1',
      'RUN npm install --global express',
      'RUN npm install git+ssh://git@github.com:npm/npm.git',
      'RUN npm install git+http://isaacs@github.com/npm/npm',
      'RUN npm install git+https://isaacs@github.com/npm/npm.git',
      'RUN npm install git://github.com/npm/npm.git',
      'RUN npm install --registry https://example.com express',
      'RUN npm install --registry=https://example.com express',
    ])('flags %s (and its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(1);
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });
  });

  it('names only the unpinned packages', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines('FROM node:22', 'RUN npm install -g pm2 typescript@5.6.3'),
    );
    expect(finding.message).toContain('pm2');
    expect(finding.message).not.toContain('typescript');
  });

  it('deliberately also reads the i and add aliases', async () => {
    expect(await flagged('RUN npm i -g pm2')).toBe(1);
    expect(await flagged('RUN npm i -g pm2@5.4.2')).toBe(0);
  });

  it('does not take option values or bare variables for packages', async () => {
    expect(
      await flagged('RUN npm install --registry https://r.example.com x@1.0.0'),
    ).toBe(0);
    expect(await flagged('RUN npm install -g $PACKAGES')).toBe(0);
  });

  it('leaves npm ci and other subcommands alone', async () => {
    expect(await flagged('RUN npm ci && npm run build')).toBe(0);
  });

  it('honours hadolint ignore=DL3016', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM node:22',
        '# hadolint ignore=DL3016',
        'RUN npm install -g pm2',
      ),
    );
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });
});
