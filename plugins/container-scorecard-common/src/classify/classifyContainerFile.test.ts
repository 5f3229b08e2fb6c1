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
    // Names found in the corpus (shared/corpus/manifest.tsv) and in public repositories.
    ['Dockerfile-windows', 'dockerfile'],
    ['images/Dockerfile-chroot', 'dockerfile'],
    ['Dockerfile_gaudi', 'dockerfile'],
    ['dockerfile-kasm-alpine-318-desktop', 'dockerfile'],
    ['build.Dockerfile', 'dockerfile'],
    ['docs-dockerfile.Dockerfile', 'dockerfile'],
    ['Containerfile.fedora', 'dockerfile'],
    ['Containerfile-rhel9', 'dockerfile'],
    ['app.containerfile', 'dockerfile'],
    ['Dockerfile.0.13', 'dockerfile'],
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
    'Dockerfile-windows.dockerignore',
    'Dockerfile_test.go',
    'Dockerfile-parser.py',
    'Dockerfile.patch',
    'Dockerfile.orig',
    'hack/lint-dockerfile',
    'scripts/generate_dockerfile',
    'dockerfiles',
    'DockerfileBuilder.java',
  ])('%s is not a container definition', path => {
    expect(classifyContainerFile(path)).toBeUndefined();
  });
});
