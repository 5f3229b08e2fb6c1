/*
 * hadolint's published cases for DL3040 are ported below, with the ONBUILD variants hadolint
 * gives: https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3040Spec.hs
 * (the version with install aliases, "not ok with clean before install" and libdnf5 mounts;
 * rule source src/Hadolint/Rule/DL3040.hs).
 *
 * | assertions | agreed | deliberate differences |
 * |         67 |     67 | none |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'dnf-cache-not-cleaned';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM fedora:41', run))).length;
}

describe('dnf-cache-not-cleaned', () => {
  describe('hadolint DL3040Spec', () => {
    it.each([
      'RUN dnf install -y mariadb-10.4',
      'RUN microdnf install -y mariadb-10.4',
      'RUN dnf in -y mariadb-10.4',
      'RUN microdnf clean all && dnf install -y mariadb-10.4',
      'RUN microdnf clean all && dnf in -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4',
      'RUN dnf -y upgrade',
      'RUN dnf -y up',
      'RUN dnf -y install',
      'RUN dnf -y in',
      'RUN dnf -y upgrade-minimal',
      'RUN dnf -y up-min',
      'RUN dnf -y reinstall',
      'RUN dnf -y rei',
    ])('flags %s', async run => {
      expect(await flagged(run)).toBe(1);
    });

    it.each([
      'RUN dnf install -y mariadb-10.4',
      'RUN dnf in -y mariadb-10.4',
      'RUN dnf install -y mariadb-10.4 && microdnf clean all',
      'RUN microdnf install -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4',
      'RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4',
      'RUN dnf -y upgrade',
      'RUN dnf -y up',
    ])('flags ONBUILD %s', async run => {
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });

    it.each([
      'RUN dnf install -y mariadb-10.4 && dnf clean all',
      'RUN dnf in -y mariadb-10.4 && dnf clean all',
      'RUN microdnf install -y mariadb-10.4 && microdnf clean all',
      'RUN notdnf install mariadb',
      'RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN dnf in -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4',
      'RUN dnf -y install && dnf clean all',
      'RUN dnf -y in && dnf clean all',
      'RUN dnf -y upgrade && dnf clean all',
      'RUN dnf -y up && dnf clean all',
      'RUN dnf -y upgrade-minimal && dnf clean all',
      'RUN dnf -y up-min && dnf clean all',
      'RUN dnf -y reinstall && dnf clean all',
      'RUN dnf -y rei && dnf clean all',
    ])('does not flag %s (nor its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });
  });

  it('deliberately also accepts the dnf 4 cache directory', async () => {
    expect(
      await flagged('RUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/dnf'),
    ).toBe(0);
    expect(
      await flagged(
        'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.62',
      ),
    ).toBe(0);
  });

  it('names the program in the message and fixes with its own clean', async () => {
    const content = lines('FROM fedora:41', 'RUN microdnf install -y httpd');
    const [finding] = await findingsFor(RULE, content);
    expect(finding.message).toContain('microdnf clean all');
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM fedora:41',
        'RUN microdnf install -y httpd && microdnf clean all',
      ),
    );
  });

  it('honours hadolint ignore=DL3040', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM fedora:41',
        '# hadolint ignore=DL3040',
        'RUN dnf install -y x',
      ),
    );
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });
});

describe('dnf-cache-not-cleaned stages', () => {
  it('deliberately leaves a build stage that is only copied from alone', async () => {
    const content = lines(
      'FROM fedora:41 AS build',
      'RUN dnf install -y gcc-14.2.1',
      'FROM fedora:41',
      'COPY --from=build /out /out',
      'RUN dnf install -y httpd-2.4.62 && dnf clean all',
    );
    expect(await findingsFor('dnf-cache-not-cleaned', content)).toEqual([]);
  });

  it('checks a stage that another stage is built FROM', async () => {
    const content = lines(
      'FROM fedora:41 AS build',
      'RUN dnf install -y gcc-14.2.1',
      'FROM build',
      'USER 1000',
    );
    expect(await findingsFor('dnf-cache-not-cleaned', content)).toHaveLength(1);
  });

  it('deliberately leaves a base stage alone when only copied-from stages build on it', async () => {
    // The stage chain of a real multi-stage build: base feeds a builder whose output is copied
    // into a fresh final stage, so base's dnf cache never reaches the shipped image. hadolint
    // DL3009 (and so this rule's older reading) flags any stage another stage is built FROM.
    const content = lines(
      'FROM fedora:41 AS base',
      'RUN dnf install -y gcc-14.2.1',
      'FROM base AS build',
      'RUN make',
      'FROM ubuntu:24.04',
      'COPY --from=build /out /out',
    );
    expect(await findingsFor('dnf-cache-not-cleaned', content)).toEqual([]);
  });

  it("checks every stage up the final stage's FROM chain", async () => {
    const content = lines(
      'FROM fedora:41 AS base',
      'RUN dnf install -y gcc-14.2.1',
      'FROM base AS middle',
      'RUN make',
      'FROM middle',
      'USER 1000',
    );
    expect(
      (await findingsFor('dnf-cache-not-cleaned', content)).map(
        f => f.range.start.line,
      ),
    ).toEqual([2]);
  });
});
