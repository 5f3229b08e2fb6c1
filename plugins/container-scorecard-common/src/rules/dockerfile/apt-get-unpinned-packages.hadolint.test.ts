/*
 * hadolint's published cases for DL3008, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3008Spec.hs, read with the semantics of
 * test/Helpers.hs (`onBuildRuleCatches` wraps every RUN in ONBUILD, wants exactly one failure).
 *
 * | assertions | agreed | deliberate differences |
 * |         14 |     14 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'apt-get-unpinned-packages';
const l = (...text: string[]) => text.join('\n');

const CASES: HadolintCase[] = [
  {
    name: 'apt-get version pinning',
    dockerfile: 'RUN apt-get update && apt-get install python',
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'apt-get pinned chained',
    dockerfile: l(
      'RUN apt-get update \\',
      ' && apt-get -yqq --no-install-recommends install nodejs=0.10 \\',
      ' && rm -rf /var/lib/apt/lists/*',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get pinned regression',
    dockerfile: l(
      'RUN apt-get update && apt-get install --no-install-recommends -y \\',
      'python-demjson=2.2.2* \\',
      'wget=1.16.1* \\',
      'git=1:2.5.0* \\',
      'ruby=1:2.1.*',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get version',
    dockerfile: 'RUN apt-get install -y python=1.2.2',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get version (local .deb)',
    dockerfile: 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get pinned',
    dockerfile: 'RUN apt-get -y --no-install-recommends install nodejs=0.10',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get tolerate target-release',
    dockerfile: l(
      'RUN set -e &&\\',
      ' echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\',
      ' apt-get update &&\\',
      ' apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\',
      ' rm -rf /var/lib/apt/lists/*',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
];

describe('apt-get-unpinned-packages hadolint DL3008Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 14, total: 14 });
  });
});
