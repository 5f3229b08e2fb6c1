import { findingsFor, lines } from '../../testing';

const RULE = 'pip-install-unpinned-packages';

const flagged = async (run: string) =>
  (await findingsFor(RULE, lines('FROM python:3.12-slim', run))).length;

describe('pip-install-unpinned-packages', () => {
  it.each([
    'RUN pip install requests',
    'RUN pip2 install requests',
    'RUN pip3 install requests',
    'RUN python -m pip install requests',
    'RUN python3 -m pip install --index-url https://pypi.example.org/simple requests',
    'RUN pip install git+https://github.com/org/repo.git#egg=repo',
    'RUN pip install --upgrade pip',
    'RUN pip install flask==3.0.3 gunicorn',
    `RUN sh -c 'pip install requests'`,
    'RUN sudo -H pip install requests',
  ])('flags %s', async run => {
    expect(await flagged(run)).toBe(1);
  });

  it.each([
    'RUN pip3 install requests==2.32.3',
    'RUN pip3 install mypkg-1.0-py3-none-any.whl',
    'RUN pip3 install mypkg-1.0.tar.gz',
    'RUN pip install -r requirements.txt',
    'RUN pip install --requirement requirements.txt',
    'RUN pip install .',
    'RUN pip install -e .',
    'RUN pip install requests~=2.32',
    'RUN pip install requests===2.32.3',
    'RUN pip install --ignore-installed requests==2.32.3',
    'RUN pip3 install --build /opt/yamllint yamllint==1.35.1',
    'RUN pip3 install --prefix /opt/yamllint yamllint==1.35.1',
    'RUN pip3 install --root /opt/yamllint yamllint==1.35.1',
    'RUN pip3 install --target /opt/yamllint yamllint==1.35.1',
    'RUN pip3 install --trusted-host pypi.internal requests==2.32.3',
    'RUN python -m pip install requests==2.32.3',
    'RUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo',
    `RUN pip install 'sphinx>=7.0'`,
    `RUN pip install 'sphinx<8'`,
    `RUN pip install 'sphinx!=7.1'`,
    'RUN pip install requests==2.32.3 --user',
    'RUN pip install requests==2.32.3 --disable-pip-version-check',
    'RUN pip install requests==2.32.3 --no-cache-dir',
    'RUN pip install -i https://pypi.example.org/simple requests==2.32.3',
    'RUN pip install --index-url https://u:p@pypi.example.org/simple --extra-index-url https://u:p@mirror.example.org/simple requests==2.32.3',
    'RUN pip install kafka-python --constraint constraints.txt',
    'RUN pip install kafka-python -c constraints.txt',
    'RUN pip install ./vendor/mypkg',
    'RUN pip download requests',
    'RUN echo pip install requests',
  ])('does not flag %s', async run => {
    expect(await flagged(run)).toBe(0);
  });

  it('checks ONBUILD RUN triggers, as hadolint does', async () => {
    expect(await flagged('ONBUILD RUN pip install requests')).toBe(1);
    expect(
      await flagged(
        'ONBUILD RUN python -m pip install --index-url https://pypi.example.org/simple requests',
      ),
    ).toBe(1);
    expect(await flagged('ONBUILD RUN pip install requests==2.32.3')).toBe(0);
    expect(await flagged('ONBUILD RUN pip install -r requirements.txt')).toBe(
      0,
    );
  });

  it('names the unpinned packages and points at the command in a chain', async () => {
    const content = lines(
      'FROM python:3.12-slim',
      'RUN set -eux; \\',
      '    pip install --no-cache-dir flask==3.0.3 gunicorn uvicorn; \\',
      '    pip cache purge',
    );
    const [finding] = await findingsFor(RULE, content);
    expect(finding.range.start.line).toBe(3);
    expect(finding.message).toContain('gunicorn, uvicorn');
  });
});

describe('pip-install-unpinned-packages option values and other tools', () => {
  it.each([
    'RUN pipenv install black',
    'RUN pipx install black==24.4.2',
    'RUN pip-compile requirements.in',
    'RUN pip install --python /venv/bin/python flask==3.0.3',
    'RUN pip install --root-user-action ignore flask==3.0.3',
    'RUN pip install --root-user-action=ignore flask==3.0.3',
    'RUN pip install -i https://pypi.example.org/simple flask==3.0.3',
    'RUN pip install --extra-index-url https://mirror.example.org/simple flask==3.0.3',
    'RUN pip install --target /opt/lib --platform manylinux2014_x86_64 --only-binary :all: flask==3.0.3',
    'RUN pip install --find-links /wheels -f /more-wheels flask==3.0.3',
    'RUN pip install --cache-dir /tmp/pip --cert /etc/ssl/ca.pem flask==3.0.3',
    'RUN pip install -C editable_mode=compat --config-settings x=y flask==3.0.3',
    'RUN pip install --requirement=requirements.txt',
    'RUN pip install -Ur requirements.txt',
    'RUN pip3.12 install flask==3.0.3',
  ])('does not flag %s', async run => {
    expect(await flagged(run)).toBe(0);
  });

  it('still flags the package after a value-taking option', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM python:3.12-slim',
        'RUN pip install --root-user-action ignore --target /opt/lib flask',
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('for flask:');
  });

  it('reads pip3.12 as pip', async () => {
    expect(await flagged('RUN pip3.12 install flask')).toBe(1);
  });
});

describe('pip-install-unpinned-packages python launchers', () => {
  it.each([
    'RUN python3.12 -m pip install flask',
    'RUN python$PYTHON_VERSION -m pip install flask',
  ])('flags %s', async run => {
    expect(await flagged(run)).toBe(1);
  });
});
