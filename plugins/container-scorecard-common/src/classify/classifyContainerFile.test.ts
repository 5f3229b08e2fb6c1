import { classifyContainerFile } from './classifyContainerFile';

describe('classifyContainerFile', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['services/api/Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['build/api.Dockerfile', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Containerfile.dev', 'dockerfile'],
    ['dir\\Dockerfile', 'dockerfile'],
    ['compose.yaml', 'compose'],
    ['compose.override.yml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.prod.yaml', 'compose'],
    ['deploy/k8s/deployment.yaml', 'kubernetes-candidate'],
    ['.github/workflows/ci.yml', 'kubernetes-candidate'],
    ['deploy/overlays/prod/Kustomization', 'kubernetes-candidate'],
  ])('%s is %s', (path, expected) => {
    expect(classifyContainerFile(path)).toBe(expected);
  });

  it.each([
    'README.md',
    'Dockerfile-notes.txt',
    '.dockerignore',
    'src/dockerfile.ts',
    'mycompose.json',
    'Dockerfile.dockerignore',
  ])('%s is not a container definition', path => {
    expect(classifyContainerFile(path)).toBeUndefined();
  });
});
