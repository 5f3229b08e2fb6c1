/*
 * hadolint's published cases for DL3042 are ported below, with the ONBUILD variants hadolint
 * gives: https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3042Spec.hs
 * (the version with PIP_NO_CACHE_DIR in ENV, in the RUN and inherited through FROM; rule source
 * src/Hadolint/Rule/DL3042.hs, and Utils.hasCacheOrTmpfsMountWith ".cache/pip" for mounts).
 *
 * | assertions | agreed | deliberate differences |
 * |         42 |     30 | 12: falsy PIP_NO_CACHE_DIR (pip disables its cache for them too) |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'pip-install-without-no-cache-dir';

async function flagged(...text: string[]): Promise<number> {
  return (await findingsFor(RULE, lines('FROM python:3.12', ...text))).length;
}

describe('pip-install-without-no-cache-dir', () => {
  describe('hadolint DL3042Spec', () => {
    it.each([
      ['pip2 without --no-cache-dir', 'RUN pip2 install MySQL_python', 1],
      ['pip3 without --no-cache-dir', 'RUN pip3 install MySQL_python', 1],
      ['pip without --no-cache-dir', 'RUN pip install MySQL_python', 1],
      ['pip2 with it', 'RUN pip2 install MySQL_python --no-cache-dir', 0],
      ['pip3 with it', 'RUN pip3 install --no-cache-dir MySQL_python', 0],
      ['pip with it', 'RUN pip install MySQL_python --no-cache-dir', 0],
      ['pipx', 'RUN pipx install software', 0],
      ['pipenv', 'RUN pipenv install library', 0],
    ])('%s', async (_name, run, count) => {
      expect(await flagged(run)).toBe(count);
      expect(await flagged(`ONBUILD ${run}`)).toBe(count);
    });

    it.each(['1', 'on', 'yes', 'true'])(
      'respects PIP_NO_CACHE_DIR=%s in ENV, in the RUN and exported',
      async value => {
        expect(
          await flagged(
            `ENV PIP_NO_CACHE_DIR=${value}`,
            'RUN pip install MySQL_python',
          ),
        ).toBe(0);
        expect(
          await flagged(
            `RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python`,
          ),
        ).toBe(0);
        expect(
          await flagged(
            `RUN export PIP_NO_CACHE_DIR=${value} && pip install MySQL_python`,
          ),
        ).toBe(0);
      },
    );

    // hadolint expects these false values to be flagged; pip disables its cache for them too
    // (pip's _handle_no_cache_dir), so the rule deliberately accepts them.
    it.each(['0', 'off', 'no', 'false'])(
      'deliberately accepts PIP_NO_CACHE_DIR=%s in ENV, in the RUN and exported, as pip does',
      async value => {
        expect(
          await flagged(
            `ENV PIP_NO_CACHE_DIR=${value}`,
            'RUN pip install MySQL_python',
          ),
        ).toBe(0);
        expect(
          await flagged(
            `RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python`,
          ),
        ).toBe(0);
        expect(
          await flagged(
            `RUN export PIP_NO_CACHE_DIR=${value} && pip install MySQL_python`,
          ),
        ).toBe(0);
      },
    );

    it('does not flag when PIP_NO_CACHE_DIR is inherited', async () => {
      const content = lines(
        'FROM debian:buster as base',
        'ENV PIP_NO_CACHE_DIR=1',
        'FROM base',
        'RUN pip install six',
      );
      expect(await findingsFor(RULE, content)).toEqual([]);
    });

    it('flags when PIP_NO_CACHE_DIR is not inherited', async () => {
      const content = lines(
        'FROM debian:buster as base',
        'ENV PIP_NO_CACHE_DIR=1',
        'FROM debian:buster',
        'RUN pip install six',
      );
      expect(await findingsFor(RULE, content)).toHaveLength(1);
    });
  });

  it.each([
    ['a cache mount', 'type=cache'],
    ['a tmpfs mount', 'type=tmpfs'],
  ])('accepts %s on ~/.cache/pip', async (_name, type) => {
    expect(
      await flagged(
        `RUN --mount=${type},target=/root/.cache/pip pip install -r requirements.txt`,
      ),
    ).toBe(0);
  });

  it('reads python -m pip install', async () => {
    expect(await flagged('RUN python3 -m pip install flask==3.0.3')).toBe(1);
    expect(
      await flagged('RUN python3 -m pip install --no-cache-dir flask==3.0.3'),
    ).toBe(0);
    expect(await flagged('RUN python3 -m pipx install black')).toBe(0);
  });

  it('deliberately accepts --no-cache, which pip expands to --no-cache-dir', async () => {
    expect(await flagged('RUN pip install --no-cache /wheels/*')).toBe(0);
    expect(await flagged('RUN pip install --no-color six==1.16.0')).toBe(1);
  });

  it('flags a PIP_NO_CACHE_DIR value pip would not accept', async () => {
    expect(
      await flagged('ENV PIP_NO_CACHE_DIR=maybe', 'RUN pip install six'),
    ).toBe(1);
  });

  it('only counts an ENV written before the RUN', async () => {
    expect(await flagged('RUN pip install six', 'ENV PIP_NO_CACHE_DIR=1')).toBe(
      1,
    );
  });

  it('fixes by adding --no-cache-dir after install', async () => {
    expect(
      await fixedBy(
        RULE,
        lines('FROM python:3.12', 'RUN pip install -r requirements.txt'),
      ),
    ).toBe(
      lines(
        'FROM python:3.12',
        'RUN pip install --no-cache-dir -r requirements.txt',
      ),
    );
  });
});

describe('pip-install-without-no-cache-dir mounts', () => {
  it('deliberately accepts a cache mount on a parent of ~/.cache/pip', async () => {
    const content = lines(
      'FROM python:3.12',
      'RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('still flags a mount on an unrelated directory', async () => {
    const content = lines(
      'FROM python:3.12',
      'RUN --mount=type=cache,target=/root/.npm pip install -r requirements.txt',
    );
    expect(await findingsFor(RULE, content)).toHaveLength(1);
  });
});

describe('pip-install-without-no-cache-dir stages', () => {
  it('deliberately leaves a build stage that is only copied from alone', async () => {
    const content = lines(
      'FROM python:3.12 AS build',
      'RUN pip install -r requirements.txt',
      'FROM python:3.12',
      'COPY --from=build /out /out',
      'RUN pip install --no-cache-dir /wheels/*',
    );
    expect(
      await findingsFor('pip-install-without-no-cache-dir', content),
    ).toEqual([]);
  });

  it('checks a stage that another stage is built FROM', async () => {
    const content = lines(
      'FROM python:3.12 AS build',
      'RUN pip install -r requirements.txt',
      'FROM build',
      'USER 1000',
    );
    expect(
      await findingsFor('pip-install-without-no-cache-dir', content),
    ).toHaveLength(1);
  });
});
