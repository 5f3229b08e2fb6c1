/*
 * hadolint's published cases for DL3013, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3013Spec.hs (the version ending with "pipenv is not
 * pip"), read with the semantics of test/Helpers.hs. Where the spec's ONBUILD variant uses a
 * different command from its plain one ("pip3 version not pinned", "pip version not pinned
 * with python -m"), each is ported as written.
 *
 * | assertions | agreed | deliberate differences |
 * |         78 |     78 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
  type HadolintExpectation,
} from '../../testing';

const RULE = 'pip-install-unpinned-packages';

const CATCHES: HadolintExpectation[] = ['catches', 'onBuildCatches'];
const NOT: HadolintExpectation[] = ['catchesNot', 'onBuildCatchesNot'];

/** One spec `it` whose plain and ONBUILD assertions run on the same RUN. */
const both = (name: string, run: string, catches: boolean): HadolintCase => ({
  name,
  dockerfile: run,
  hadolint: catches ? CATCHES : NOT,
});

const CASES: HadolintCase[] = [
  both('pip2 version not pinned', 'RUN pip2 install MySQL_python', true),
  {
    name: 'pip3 version not pinned',
    dockerfile: 'RUN pip3 install MySQL_python',
    hadolint: ['catches'],
  },
  {
    name: 'pip3 version not pinned (ONBUILD, written with pip2)',
    dockerfile: 'RUN pip2 install MySQL_python',
    hadolint: ['onBuildCatches'],
  },
  both('pip3 version pinned', 'RUN pip3 install MySQL_python==1.2.2', false),
  both(
    'pip3 install from local package (whl)',
    'RUN pip3 install mypkg.whl',
    false,
  ),
  both(
    'pip3 install from local package (tar.gz)',
    'RUN pip3 install mypkg.tar.gz',
    false,
  ),
  both(
    'pip install requirements',
    'RUN pip install -r requirements.txt',
    false,
  ),
  both(
    'pip install requirements with long flag',
    'RUN pip install --requirement requirements.txt',
    false,
  ),
  both('pip install use setup.py', 'RUN pip install .', false),
  both('pip version not pinned', 'RUN pip install MySQL_python', true),
  both('pip version pinned', 'RUN pip install MySQL_python==1.2.2', false),
  both(
    'pip version pinned with ~= operator',
    'RUN pip install MySQL_python~=1.2.2',
    false,
  ),
  both(
    'pip version pinned with === operator',
    'RUN pip install MySQL_python===1.2.2',
    false,
  ),
  both(
    'pip version pinned with flag --ignore-installed',
    'RUN pip install --ignore-installed MySQL_python==1.2.2',
    false,
  ),
  both(
    'pip version pinned with flag --build',
    'RUN pip3 install --build /opt/yamllint yamllint==1.20.0',
    false,
  ),
  both(
    'pip version pinned with flag --prefix',
    'RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0',
    false,
  ),
  both(
    'pip version pinned with flag --root',
    'RUN pip3 install --root /opt/yamllint yamllint==1.20.0',
    false,
  ),
  both(
    'pip version pinned with flag --target',
    'RUN pip3 install --target /opt/yamllint yamllint==1.20.0',
    false,
  ),
  both(
    'pip version pinned with flag --trusted-host',
    'RUN pip3 install --trusted-host host example==1.2.2',
    false,
  ),
  both(
    'pip version pinned with python -m',
    'RUN python -m pip install example==1.2.2',
    false,
  ),
  {
    name: 'pip version not pinned with python -m',
    dockerfile: 'RUN python -m pip install example',
    hadolint: ['catches'],
  },
  {
    name: 'pip version not pinned with python -m (ONBUILD, with --index-url)',
    dockerfile: 'RUN python -m pip install --index-url url example',
    hadolint: ['onBuildCatches'],
  },
  both(
    'pip install git (https)',
    'RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext',
    false,
  ),
  both(
    'pip install git (ssh)',
    'RUN pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext',
    false,
  ),
  both(
    'pip install unversioned git (https)',
    'RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext',
    true,
  ),
  both(
    'pip install unversioned git (ssh)',
    'RUN pip install git+ssh://github.com/rtfd/read-ext.git#egg=read-ext',
    true,
  ),
  both('pip install local dir', 'RUN pip install foo/bar', false),
  both(
    'pip install https url package',
    'RUN pip install https://foo.bar/baz.zip',
    false,
  ),
  both('pip install upper bound', "RUN pip install 'alabaster>=0.7'", false),
  both('pip install lower bound', "RUN pip install 'alabaster<0.7'", false),
  both(
    'pip install excluded version',
    "RUN pip install 'alabaster!=0.7'",
    false,
  ),
  both(
    'pip install user directory',
    'RUN pip install MySQL_python==1.2.2 --user',
    false,
  ),
  both(
    'pip install no pip version check',
    'RUN pip install MySQL_python==1.2.2 --disable-pip-version-check',
    false,
  ),
  both(
    'pip install --index-url',
    'RUN pip install --index-url https://eg.com/foo foobar==1.0.0',
    false,
  ),
  both(
    'pip install index-url with -i flag (written with --index-url in the spec)',
    'RUN pip install --index-url https://eg.com/foo foobar==1.0.0',
    false,
  ),
  both(
    'pip install --index-url with --extra-index-url',
    'RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0',
    false,
  ),
  both(
    'pip install no cache dir',
    'RUN pip install MySQL_python==1.2.2 --no-cache-dir',
    false,
  ),
  both(
    'pip install constraints file - long version argument',
    'RUN pip install pykafka --constraint http://foo.bar.baz',
    false,
  ),
  both(
    'pip install constraints file - short version argument',
    'RUN pip install pykafka -c http://foo.bar.baz',
    false,
  ),
  both(
    'pip install --index-url with --extra-index-url with basic auth',
    'RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0',
    false,
  ),
  both('pipenv is not pip', 'RUN pipenv install black', false),
];

describe('pip-install-unpinned-packages hadolint DL3013Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 78, total: 78 });
  });
});
