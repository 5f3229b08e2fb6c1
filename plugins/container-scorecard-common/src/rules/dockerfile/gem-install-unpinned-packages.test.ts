/*
 * hadolint's published cases for DL3028 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3028Spec.hs
 * (rule source src/Hadolint/Rule/DL3028.hs).
 *
 * | assertions | agreed | deliberate differences |
 * |         26 |     26 | none |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'gem-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM ruby:3.3', run))).length;
}

describe('gem-install-unpinned-packages', () => {
  describe('hadolint DL3028Spec', () => {
    it.each([
      'RUN gem i bundler',
      'RUN gem i bunlder:1 nokogiri',
      'RUN gem install bundler',
    ])('flags %s (and its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(1);
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });

    it.each([
      'RUN gem i bundler:1',
      'RUN gem i bunlder:1 nokogirii:1',
      'RUN gem install bundler:1',
      "RUN gem install bundler -v '2.0.1'",
      "RUN gem install bundler --version '2.0.1'",
      "RUN gem install bundler --version='2.0.1'",
      'RUN gem install bundler:2.0.1 -- --use-system-libraries=true',
      'RUN gem install bundler:2.0.1 -- --use-system-libraries true',
      'RUN gem install bundler:2.0.1 --use-system-libraries true',
      'RUN gem install bundler:2.0.1 --use-system-libraries=true',
    ])('does not flag %s (nor its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });
  });

  it('names only the unpinned gems', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines('FROM ruby:3.3', 'RUN gem install --no-document rake:13.2.1 rails'),
    );
    expect(finding.message).toContain('rails');
    expect(finding.message).not.toContain('rake');
  });

  it('does not take option values for gems', async () => {
    expect(
      await flagged(
        'RUN gem install -i /usr/local/bundle --source https://rubygems.org rake:13.2.1',
      ),
    ).toBe(0);
  });

  it('deliberately accepts a local .gem file, whose name carries its version', async () => {
    expect(
      await flagged('RUN gem install --local --force pups-1.4.0.gem'),
    ).toBe(0);
  });

  it('leaves other gem subcommands alone', async () => {
    expect(await flagged('RUN gem update --system && gem cleanup')).toBe(0);
  });
});
