import { findingsFor, lines } from '../../testing';

const RULE = 'compose-secrets-in-environment';

describe('compose-secrets-in-environment', () => {
  it('flags a password in map form at the variable name, masked', async () => {
    const content = lines(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_USER: app',
      '      POSTGRES_PASSWORD: hunter2-hunter2',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('POSTGRES_PASSWORD');
    expect(findings[0].range.start).toEqual({ line: 6, column: 7 });
    expect(findings[0].message).toContain('"db"');
    expect(findings[0].message).toContain('"hun****"');
    expect(findings[0].message).not.toContain('hunter2-hunter2');
  });

  it('flags the list form, quoted or not, at the name inside the item', async () => {
    const content = lines(
      'services:',
      '  db:',
      '    image: mariadb:11',
      '    environment:',
      '      - MARIADB_DATABASE=app',
      '      - MARIADB_ROOT_PASSWORD=bob',
      '      - "API_TOKEN=abcdef123456"',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'MARIADB_ROOT_PASSWORD',
      'API_TOKEN',
    ]);
    expect(findings[1].range.start).toEqual({ line: 7, column: 10 });
    expect(findings[0].message).not.toContain('bob');
  });

  it('flags numeric passwords', async () => {
    const content = lines(
      'services:',
      '  db:',
      '    image: mysql:8.4',
      '    environment:',
      '      MYSQL_ROOT_PASSWORD: 123456',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toHaveLength(1);
  });

  it.each([
    [
      'an AWS access key id',
      'STORAGE_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'AWS access key',
    ],
    ['a GitHub token', `GH=ghp_${'a1B2'.repeat(9)}`, 'GitHub token'],
    [
      'a URL with a password',
      'DATABASE_URL=postgres://app:pa55word@db:5432/app',
      'URL with a password',
    ],
    [
      'a private key',
      'TLS="-----BEGIN RSA PRIVATE KEY-----MIIE"',
      'private key',
    ],
  ])(
    'flags %s by its value, whatever the name',
    async (_name, item, because) => {
      const content = lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    environment:',
        `      - ${item}`,
      );
      const findings = await findingsFor(RULE, content, 'compose.yml');
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain(because);
    },
  );

  it.each([
    ['interpolation', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'],
    [
      'interpolation with a default',
      '      POSTGRES_PASSWORD: ${DB_PASSWORD:-}',
    ],
    ['bare $VAR', '      API_TOKEN: $API_TOKEN'],
    ['a *_FILE path', '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password'],
    ['a path value', '      SECRET_KEY: /run/secrets/key'],
    ['an empty value', '      API_TOKEN: ""'],
    ['a null value (taken from the shell)', '      API_TOKEN:'],
    ['metadata about a token', '      TOKEN_TTL: 3600'],
    ['a token count', '      MAX_TOTAL_TOKENS: 4096'],
    ['a token count in the plural', '      GENERATION_TOKENS: 512'],
    ['a secret name reference', '      JWT_SECRET_NAME: app-jwt'],
    ['a boolean flag', '      REQUIRE_PASSWORD: "false"'],
    ['a placeholder', '      API_KEY: <your-api-key>'],
    [
      'a URL with an interpolated password',
      '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app',
    ],
    ['an ordinary variable', '      LOG_LEVEL: debug'],
    // A secret mounted as a file and named by its path is the recommended pattern.
    [
      'GOOGLE_APPLICATION_CREDENTIALS with a mounted key',
      '      GOOGLE_APPLICATION_CREDENTIALS: /run/secrets/gcp.json',
    ],
    [
      'GOOGLE_APPLICATION_CREDENTIALS with a relative path',
      '      GOOGLE_APPLICATION_CREDENTIALS: credentials/service-account.json',
    ],
    [
      'GOOGLE_APPLICATION_CREDENTIALS with a bare file name',
      '      GOOGLE_APPLICATION_CREDENTIALS: gcp-key.json',
    ],
    [
      'a *_CREDENTIALS_FILE',
      '      AWS_SHARED_CREDENTIALS_FILE: ./aws/credentials',
    ],
    ['a *_KEY_FILE', '      TLS_PRIVATE_KEY_FILE: certs/tls.key'],
    [
      'a *_PASSWORD_FILE on Windows',
      '      ADMIN_PASSWORD_FILE: C:\\secrets\\admin.txt',
    ],
    [
      'a credential-named variable holding a relative key path',
      '      JWT_PRIVATE_KEY: keys/jwt.pem',
    ],
  ])('does not flag %s', async (_name, line) => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    environment:',
      line,
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('flags a lower-case changeme, which runs as the password', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '      API_TOKEN: YOUR_API_TOKEN_HERE',
      '      WALLET_PRIVATE_KEY: "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'POSTGRES_PASSWORD',
      'WALLET_PRIVATE_KEY',
    ]);
  });

  it('still flags an inline key in GOOGLE_APPLICATION_CREDENTIALS, and a secret with slashes', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    environment:',
      '      GOOGLE_APPLICATION_CREDENTIALS: \'{"private_key": "-----BEGIN PRIVATE KEY-----MIIE"}\'',
      '      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'GOOGLE_APPLICATION_CREDENTIALS',
      'AWS_SECRET_ACCESS_KEY',
    ]);
  });

  it('does not flag a list entry without a value', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    environment:',
      '      - API_TOKEN',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
