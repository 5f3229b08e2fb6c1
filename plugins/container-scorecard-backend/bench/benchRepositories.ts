import { Entity } from '@backstage/catalog-model';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXAMPLES_DIR } from '../src/__testUtils__/demoCatalog';
import type { FakeGithub } from '../src/__testUtils__/fakeGithub';

/** The demo repositories' files: realistic content, from exemplary to awful. */
export function demoRepositoryVariants(): Record<string, string>[] {
  const reposDir = join(EXAMPLES_DIR, 'repos');
  return readdirSync(reposDir).map(repo => {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else {
          files[relative(join(reposDir, repo), path)] = readFileSync(
            path,
            'utf8',
          );
        }
      }
    };
    walk(join(reposDir, repo));
    return files;
  });
}

/** `count` components, each read from a repository of its own (`bench/svc-<i>`). */
export function benchEntities(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      annotations: {
        'backstage.io/source-location': `url:https://github.com/bench/svc-${i}/tree/main/`,
      },
    },
    spec: {
      type: 'service',
      owner: `team-${i % 100}`,
      lifecycle: 'production',
    },
  }));
}

/**
 * Serves every repository as of `generation`: each generation changes every repository (a new
 * commit, and the next demo repository's files), so a sweep after it reads and analyses all.
 */
export function serveGeneration(
  github: FakeGithub,
  count: number,
  generation: number,
) {
  const variants = demoRepositoryVariants();
  for (let i = 0; i < count; i++) {
    github.repos.set(`bench/svc-${i}`, {
      sha: `g${generation}-${i}`,
      files: variants[(i + generation) % variants.length],
    });
  }
}
