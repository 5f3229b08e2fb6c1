/*
 * Cases follow Checkov's graph check definitions, one group per check id, read from
 * https://github.com/bridgecrewio/checkov/tree/main/checkov/dockerfile/checks/graph_checks
 * (RunUnsafeCurl.yaml CKV2_DOCKER_2 ... EnvGoInsecure.yaml CKV2_DOCKER_18). Checkov's fixture
 * Dockerfiles for these checks were not available to port; each case below is one that the
 * check's own regular expression decides, and the expectation is Checkov's verdict, except where
 * a test says it deliberately differs.
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'tls-verification-disabled';

async function messages(...text: string[]): Promise<string[]> {
  return (await findingsFor(RULE, lines('FROM debian:12', ...text))).map(
    f => f.message,
  );
}

async function flagged(...text: string[]): Promise<number> {
  return (await messages(...text)).length;
}

describe('tls-verification-disabled', () => {
  it.each([
    [
      'CKV2_DOCKER_2 curl --insecure',
      'RUN curl --insecure -o /tmp/a https://x.example/a',
    ],
    ['CKV2_DOCKER_2 curl -k', 'RUN curl -k https://x.example/a -o /tmp/a'],
    [
      'CKV2_DOCKER_2 curl -k in a cluster',
      'RUN curl -fsSLk https://x.example/a | tar xz',
    ],
    [
      'CKV2_DOCKER_3 wget',
      'RUN wget --no-check-certificate https://x.example/a',
    ],
    [
      'CKV2_DOCKER_4 pip',
      'RUN pip install --trusted-host pypi.example.com flask==3.0.3',
    ],
    [
      'CKV2_DOCKER_4 pip3',
      'RUN pip3 install --trusted-host=pypi.example.com -r r.txt',
    ],
    [
      'CKV2_DOCKER_5 PYTHONHTTPSVERIFY in RUN',
      'RUN PYTHONHTTPSVERIFY=0 python fetch.py',
    ],
    [
      'CKV2_DOCKER_6 NODE_TLS_REJECT_UNAUTHORIZED in RUN',
      'RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci',
    ],
    [
      'CKV2_DOCKER_7 apk',
      'RUN apk add --allow-untrusted /tmp/glibc-2.35-r1.apk',
    ],
    [
      'CKV2_DOCKER_8 apt-get',
      'RUN apt-get install -y --allow-unauthenticated curl',
    ],
    ['CKV2_DOCKER_9 yum', 'RUN yum install -y --nogpgcheck tool-1.2'],
    ['CKV2_DOCKER_9 dnf', 'RUN dnf --nogpgcheck install -y tool-1.2'],
    ['CKV2_DOCKER_9 rpm', 'RUN rpm -i --nogpgcheck /tmp/tool.rpm'],
    [
      'CKV2_DOCKER_10 rpm --nosignature',
      'RUN rpm -ivh --nosignature /tmp/tool.rpm',
    ],
    ['CKV2_DOCKER_10 rpm --nodigest', 'RUN rpm -ivh --nodigest /tmp/tool.rpm'],
    [
      'CKV2_DOCKER_11 apt-get --force-yes',
      'RUN apt-get install -y --force-yes curl',
    ],
    [
      'CKV2_DOCKER_12 npm_config_strict_ssl in RUN',
      'RUN npm_config_strict_ssl=false npm ci',
    ],
    ['CKV2_DOCKER_13 npm config set', 'RUN npm config set strict-ssl false'],
    ['CKV2_DOCKER_13 npm set with =', 'RUN npm set strict-ssl=false'],
    ['CKV2_DOCKER_13 yarn config set', 'RUN yarn config set strict-ssl false'],
    [
      'CKV2_DOCKER_14 GIT_SSL_NO_VERIFY inline',
      'RUN GIT_SSL_NO_VERIFY=true git clone https://git.example/r.git',
    ],
    [
      'CKV2_DOCKER_14 GIT_SSL_NO_VERIFY exported',
      'RUN export GIT_SSL_NO_VERIFY=1 && git clone https://git.example/r.git',
    ],
    [
      'CKV2_DOCKER_15 yum-config-manager',
      'RUN yum-config-manager --setopt=epel.sslverify=0 --save',
    ],
    [
      'CKV2_DOCKER_15 dnf config-manager',
      'RUN dnf config-manager --setopt=sslverify=false --save',
    ],
    [
      'CKV2_DOCKER_16 PIP_TRUSTED_HOST exported',
      'RUN export PIP_TRUSTED_HOST=pypi.example.com && pip install -r r.txt',
    ],
    [
      'CKV2_DOCKER_18 GOINSECURE inline',
      'RUN GOINSECURE=git.example.com go mod download',
    ],
  ])('flags %s', async (_name, run) => {
    expect(await flagged(run)).toBe(1);
    expect(await flagged(`ONBUILD ${run}`)).toBe(1);
  });

  it.each([
    ['CKV2_DOCKER_5', 'PYTHONHTTPSVERIFY', '0'],
    ['CKV2_DOCKER_6', 'NODE_TLS_REJECT_UNAUTHORIZED', '0'],
    ['CKV2_DOCKER_12', 'NPM_CONFIG_STRICT_SSL', 'false'],
    ['CKV2_DOCKER_12', 'npm_config_strict_ssl', '"false"'],
    ['CKV2_DOCKER_14', 'GIT_SSL_NO_VERIFY', 'true'],
    ['CKV2_DOCKER_16', 'PIP_TRUSTED_HOST', 'pypi.example.com'],
    ['CKV2_DOCKER_18', 'GOINSECURE', 'git.example.com'],
  ])('flags %s: %s=%s in ENV and ARG', async (_id, name, value) => {
    const [env] = await messages(`ENV ${name}=${value}`);
    expect(env).toContain('every running container');
    expect(await flagged(`ARG ${name}=${value}`)).toBe(1);
    expect(await flagged(`ENV ${name} ${value}`)).toBe(1);
  });

  it.each([
    ['curl without -k', 'RUN curl -fsSL https://x.example/a -o /tmp/a'],
    ['curl -o whose file is named k', 'RUN curl -fsSLo k https://x.example/a'],
    ['wget with certificate checks', 'RUN wget -q https://x.example/a'],
    [
      'pip with an index URL',
      'RUN pip install --index-url https://pypi.example.com/simple flask==3.0.3',
    ],
    ['PYTHONHTTPSVERIFY=1', 'RUN PYTHONHTTPSVERIFY=1 python fetch.py'],
    [
      'NODE_TLS_REJECT_UNAUTHORIZED=1',
      'RUN NODE_TLS_REJECT_UNAUTHORIZED=1 node x.js',
    ],
    ['npm strict-ssl true', 'RUN npm config set strict-ssl true'],
    ['another npm setting', 'RUN npm config set fund false'],
    [
      'apt-get with signatures checked',
      'RUN apt-get install -y --no-install-recommends curl',
    ],
    ['yum with gpg checks', 'RUN yum install -y tool-1.2'],
    ['rpm --import of a key', 'RUN rpm --import https://x.example/key.asc'],
    ['apk without --allow-untrusted', 'RUN apk add --no-cache curl=8.9.1-r2'],
    [
      'yum-config-manager enabling sslverify',
      'RUN yum-config-manager --setopt=sslverify=1 --save',
    ],
    ['a mention in echo', 'RUN echo "never use curl -k"'],
  ])('does not flag %s', async (_name, run) => {
    expect(await flagged(run)).toBe(0);
  });

  it.each([
    ['ENV NODE_TLS_REJECT_UNAUTHORIZED=1'],
    ['ENV NPM_CONFIG_STRICT_SSL=true'],
    ['ARG GIT_SSL_NO_VERIFY'],
    ['ENV PYTHONHTTPSVERIFY=1'],
  ])('does not flag %s', async line => {
    expect(await flagged(line)).toBe(0);
  });

  describe('beyond Checkov', () => {
    it.each([
      [
        'apt -o AllowInsecureRepositories',
        'RUN apt-get -o Acquire::AllowInsecureRepositories=true update',
      ],
      [
        'apt -o AllowUnauthenticated joined',
        'RUN apt-get install -y -oAPT::Get::AllowUnauthenticated=true curl',
      ],
      [
        'apt --allow-insecure-repositories',
        'RUN apt-get update --allow-insecure-repositories',
      ],
      [
        'apt Verify-Peer=false',
        'RUN apt-get -o Acquire::https::Verify-Peer=false update',
      ],
      [
        'an apt.conf snippet',
        `RUN echo 'Acquire::AllowInsecureRepositories "true";' > /etc/apt/apt.conf.d/99insecure`,
      ],
      [
        'a [trusted=yes] source',
        'RUN echo "deb [trusted=yes] http://repo.example/ ./" > /etc/apt/sources.list.d/x.list',
      ],
      [
        'gpgcheck=0 in a repo file',
        `RUN printf '[x]\\nbaseurl=http://repo.example\\ngpgcheck=0\\n' > /etc/yum.repos.d/x.repo`,
      ],
      [
        'sed turning gpgcheck off',
        "RUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/x.repo",
      ],
      [
        'git config http.sslVerify false',
        'RUN git config --global http.sslVerify false',
      ],
      [
        'git config per URL',
        'RUN git config --global http.https://git.example.com/.sslverify false',
      ],
      [
        'git -c http.sslVerify=false',
        'RUN git -c http.sslVerify=false clone https://git.example/r.git',
      ],
      [
        'curl --proxy-insecure',
        'RUN curl --proxy-insecure -fsSLo /tmp/a https://x.example/a',
      ],
      [
        'yarn berry enableStrictSsl',
        'RUN yarn config set enableStrictSsl false',
      ],
      ['npm --strict-ssl=false', 'RUN npm install --strict-ssl=false'],
      [
        'pip config set trusted-host',
        'RUN pip config set global.trusted-host pypi.example.com',
      ],
      [
        'python -m pip --trusted-host',
        'RUN python3 -m pip install --trusted-host pypi.example.com x==1.0',
      ],
      [
        'in sh -c behind sudo',
        `RUN sudo sh -c 'curl -k https://x.example/a -o /tmp/a'`,
      ],
    ])('flags %s', async (_name, run) => {
      expect(await flagged(run)).toBe(1);
    });

    it('does not flag a [trusted=yes] repository of local files built in the image', async () => {
      expect(
        await flagged(
          'RUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list',
        ),
      ).toBe(0);
    });

    it('does not flag sed turning gpgcheck back on', async () => {
      expect(
        await flagged(
          "RUN sed -i 's/gpgcheck=0/gpgcheck=1/' /etc/yum.repos.d/x.repo",
        ),
      ).toBe(0);
    });
  });

  it('says what was turned off in the message', async () => {
    const [message] = await messages('RUN curl -sSLk https://x.example/a');
    expect(message).toContain(
      'curl -sSLk turns off TLS certificate verification',
    );
  });
});
