import { findingsFor } from '../../testing';
import { deployment, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-secrets-in-env';

const withEnv = (envLines: string[]) =>
  deployment([
    'containers:',
    '  - name: app',
    '    image: acme/api:1',
    '    env:',
    ...envLines.map(l => `      ${l}`),
  ]);

describe('k8s-secrets-in-env', () => {
  it('flags a literal password at the variable name, masked', async () => {
    const content = withEnv([
      '- name: LOG_LEVEL',
      '  value: info',
      '- name: DB_PASSWORD',
      '  value: "correct-horse-battery"',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('DB_PASSWORD');
    expect(findings[0].range.start).toEqual({
      line: podSpecLine(6),
      column: 21,
    });
    expect(findings[0].message).toContain(
      'Container "app" of Deployment "api"',
    );
    expect(findings[0].message).toContain('"corr****"');
    expect(findings[0].message).not.toContain('correct-horse-battery');
  });

  it('flags credentials by value whatever the name', async () => {
    const content = withEnv([
      '- name: STORAGE',
      '  value: s3://AKIAIOSFODNN7EXAMPLE@bucket',
      '- name: GIT_REMOTE',
      '  value: https://deploy:hunter22@git.acme.io/app.git',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['STORAGE', 'GIT_REMOTE']);
    expect(findings[0].message).toContain('AWS access key');
  });

  it.each([
    [
      'a secretKeyRef',
      [
        '- name: DB_PASSWORD',
        '  valueFrom:',
        '    secretKeyRef: { name: db, key: password }',
      ],
    ],
    [
      'a dependent variable',
      ['- name: DB_PASSWORD', '  value: $(ROOT_PASSWORD)'],
    ],
    [
      'a path to a mounted secret',
      ['- name: API_TOKEN_FILE', '  value: /var/run/secrets/api/token'],
    ],
    ['an empty value', ['- name: API_TOKEN', '  value: ""']],
    ['a name without a value', ['- name: API_TOKEN']],
    ['an ordinary variable', ['- name: PORT', '  value: "8080"']],
    // The path of a mounted Secret is the recommended pattern (Polaris reports this name anyway).
    [
      'GOOGLE_APPLICATION_CREDENTIALS naming a mounted key',
      [
        '- name: GOOGLE_APPLICATION_CREDENTIALS',
        '  value: /var/secrets/google/key.json',
      ],
    ],
    [
      'GOOGLE_APPLICATION_CREDENTIALS with a relative path',
      ['- name: GOOGLE_APPLICATION_CREDENTIALS', '  value: sa/key.json'],
    ],
    [
      'an upper-case fill-in placeholder',
      [
        '- name: ETCD_INITIAL_CLUSTER_TOKEN',
        '  value: INSERT_ETCD_INITIAL_CLUSTER_TOKEN',
      ],
    ],
    [
      'a token contract address (public)',
      [
        '- name: OPERATOR_TOKEN',
        '  value: "0x0ace32f6e87ac1457a5385f8eb0208f37263b415"',
      ],
    ],
    [
      'a *_PASSWORD_FILE',
      ['- name: REDIS_PASSWORD_FILE', '  value: /etc/redis/password'],
    ],
  ])('does not flag %s', async (_name, envLines) => {
    expect(await findingsFor(RULE, withEnv(envLines), 'k8s.yaml')).toEqual([]);
  });
});
