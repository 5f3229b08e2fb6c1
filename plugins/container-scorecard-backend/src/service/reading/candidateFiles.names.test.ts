import { createCandidateFilter } from './candidateFiles';

describe('Dockerfile and compose names in the candidate filter', () => {
  const decide = createCandidateFilter({ maxFileBytes: 1000 });

  it.each([
    'Dockerfile-windows',
    'images/Dockerfile-chroot',
    'Dockerfile_gaudi',
    'build.Dockerfile',
    'Containerfile.fedora',
    // Any YAML may be a compose file by content (`stack.yml`): the engine tells.
    'deploy/stack.yml',
  ])('reads %s', path => {
    expect(decide(path, 10)).toBe('read');
  });

  it.each(['hack/lint-dockerfile', 'Dockerfile_test.go', 'Dockerfile.orig'])(
    'skips %s',
    path => {
      expect(decide(path, 10)).toBe('skip');
    },
  );

  it('reports an oversized Dockerfile under a variant name', () => {
    expect(decide('Dockerfile-windows', 5000)).toBe('oversized');
  });
});
