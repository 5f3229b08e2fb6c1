import { findingsFor } from '../../testing';
import { deployment, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-ssh-port';

describe('k8s-ssh-port', () => {
  it('flags containerPort 22 at the key', async () => {
    const spec = [
      'containers:',
      '  - name: git',
      '    image: gitea/gitea:1.22',
      '    ports:',
      '      - containerPort: 3000',
      '      - name: ssh',
      '        containerPort: 22',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('containerPort: 22');
    expect(findings[0].range.start.line).toBe(podSpecLine(6));
    expect(findings[0].message).toContain(
      'Container "git" of Deployment "api"',
    );
  });

  it.each([
    ['UDP port 22', ['      - containerPort: 22', '        protocol: UDP']],
    ['port 2222', ['      - containerPort: 2222']],
    [
      'a hostPort of 22 mapped to another port',
      ['      - containerPort: 8022', '        hostPort: 22'],
    ],
  ])('does not flag %s', async (_name, portLines) => {
    const spec = [
      'containers:',
      '  - name: a',
      '    image: a:1',
      '    ports:',
      ...portLines,
    ];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });
});
