/*
 * hadolint's published cases for DL4006, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL4006Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants; they are added from the rule's source (src/Hadolint/Rule/DL4006.hs is not
 * wrapped in `onbuild`, so an ONBUILD RUN is not checked there): for every case with a RUN,
 * `onBuildRuleCatchesNot`.
 *
 * | assertions | agreed | deliberate differences |
 * |         30 |     30 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'pipe-without-pipefail';
const l = (...text: string[]) => text.join('\n');

/** hadolint's rule ignores ONBUILD RUN: wrapped, a case with a RUN gives no finding. */
const onBuild = (dockerfile: string): HadolintCase['hadolint'] =>
  /^RUN\s/m.test(dockerfile) ? ['onBuildCatchesNot'] : [];
const catches = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catches', ...onBuild(dockerfile)],
});
const catchesNot = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catchesNot', ...onBuild(dockerfile)],
});

const CASES: HadolintCase[] = [
  catches(
    'warn on missing pipefail',
    l('FROM scratch', 'RUN wget -O - https://some.site | wc -l > /number'),
  ),
  catchesNot(
    "don't warn on commands with no pipes",
    l(
      'FROM scratch as build',
      'RUN wget -O - https://some.site && wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn on commands with pipes and the pipefail option",
    l(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn on commands with pipes and the pipefail option 2",
    l(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn on commands with pipes and the pipefail option 3",
    l(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn on commands with pipes and the pipefail zsh",
    l(
      'FROM scratch as build',
      'SHELL ["/bin/zsh", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn when bash is invoked via a non-standard absolute path",
    l(
      'FROM scratch as build',
      'SHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn when zsh is invoked via a non-standard absolute path",
    l(
      'FROM scratch as build',
      'SHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    "don't warn on powershell",
    l(
      'FROM scratch as build',
      'SHELL ["pwsh", "-c"]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  ),
  catches(
    'warns when using plain sh',
    l(
      'FROM scratch as build',
      'SHELL ["/bin/sh", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catches(
    'warn on missing pipefail in the next image',
    l(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
      'FROM scratch as build2',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catches(
    'warn on missing pipefail if next SHELL is not using it',
    l(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
      'SHELL ["/bin/sh", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
  ),
  catchesNot(
    'ignore non posix shells: pwsh',
    l(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "pwsh", "-c" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  ),
  catchesNot(
    'ignore non posix shells: powershell',
    l(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "powershell.exe" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  ),
  catchesNot(
    'ignore non posix shells: cmd.exe',
    l(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "cmd.exe", "/c" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  ),
];

describe('pipe-without-pipefail hadolint DL4006Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 30, total: 30 });
  });
});
