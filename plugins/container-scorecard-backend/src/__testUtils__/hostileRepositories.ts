import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Repositories written to break a scanner: huge, pathological, binary, junk, escaping, lying.
 * Shared by the hostile-input test suite (small sizes, low limits) and `bench:hostile` (the sizes
 * reported against the product, with default limits), so both exercise the same shapes.
 */
export interface HostileRepository {
  /** Entity name and directory name. */
  name: string;
  /** What makes it hostile, printed by the benchmark. */
  description: string;
  /** Annotations added to the entity besides its source location. */
  annotations?: Record<string, string>;
  /** Entity title, when the title itself is the hostile part. */
  title?: string;
  /** Writes the repository into `dir` (which exists and is empty). */
  write(dir: string, size: HostileSize): void;
}

/** `test` keeps the suite quick under lowered limits; `full` is what the issue measured. */
export type HostileSize = 'test' | 'full';

const pick = (size: HostileSize, test: number, full: number) =>
  size === 'test' ? test : full;

function lines(count: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(line(i));
  return `${out.join('\n')}\n`;
}

/** A small, ordinary Dockerfile: the control that must still be scored beside hostile files. */
export const ORDINARY_DOCKERFILE = [
  'FROM node:22.11-slim',
  'WORKDIR /app',
  'COPY . .',
  'USER node',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

export const HOSTILE_REPOSITORIES: HostileRepository[] = [
  {
    name: 'long-dockerfile',
    description: '100,000 `RUN a` lines (600 KB) beside an ordinary Dockerfile',
    write(dir, size) {
      const count = pick(size, 5_000, 100_000);
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM alpine:3.20\n${lines(count, () => 'RUN a')}`,
      );
      mkdirSync(join(dir, 'web'));
      writeFileSync(join(dir, 'web', 'Dockerfile'), ORDINARY_DOCKERFILE);
    },
  },
  {
    name: 'long-and-chain',
    description: 'one RUN of 20,000 commands joined with && and continuations',
    write(dir, size) {
      const count = pick(size, 2_000, 20_000);
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM alpine:3.20\nRUN ${lines(count, i => `echo ${i}`)
          .trim()
          .split('\n')
          .join(' && \\\n    ')}\n`,
      );
    },
  },
  {
    name: 'huge-compose',
    description:
      'a compose file of 10,000 services (750 KB, about 80,000 findings)',
    write(dir, size) {
      const count = pick(size, 1_000, 10_000);
      writeFileSync(
        join(dir, 'compose.yaml'),
        `services:\n${lines(
          count,
          i =>
            `  s${i}:\n    image: app:latest\n    privileged: true\n    network_mode: host`,
        )}`,
      );
    },
  },
  {
    name: 'many-files',
    description: '20,001 files, with a Dockerfile among them',
    write(dir, size) {
      const count = pick(size, 600, 20_001);
      writeFileSync(join(dir, 'Dockerfile'), ORDINARY_DOCKERFILE);
      for (let d = 0; d * 1000 < count; d++) {
        const sub = join(dir, `src${d}`);
        mkdirSync(sub);
        for (let i = d * 1000; i < Math.min(count, (d + 1) * 1000); i++) {
          writeFileSync(join(sub, `f${i}.txt`), '');
        }
      }
    },
  },
  {
    name: 'oversized-manifest',
    description: 'a 1.9 MB multi-document Kubernetes install manifest',
    write(dir, size) {
      const count = pick(size, 250, 1_900);
      const doc = (i: number) =>
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          `metadata: {name: d${i}, annotations: {note: "${'x'.repeat(900)}"}}`,
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          `        - {name: c, image: "app:${i}"}`,
        ].join('\n');
      writeFileSync(
        join(dir, 'install.yaml'),
        lines(count, i => `---\n${doc(i)}`),
      );
    },
  },
  {
    name: 'many-documents',
    description: 'a Kubernetes file of 5,000 small documents',
    write(dir, size) {
      writeFileSync(
        join(dir, 'workloads.yaml'),
        lines(
          pick(size, 30, 5_000),
          i =>
            `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers: [{name: c, image: "app:1"}]`,
        ),
      );
    },
  },
  {
    name: 'entity-bytes',
    description: '40 Dockerfiles of 900 KB each (36 MB for one entity)',
    write(dir, size) {
      const count = pick(size, 12, 40);
      const body = `FROM alpine:3.20\n${lines(
        pick(size, 2_000, 90_000),
        () => '# padding',
      )}`;
      for (let i = 0; i < count; i++) {
        writeFileSync(join(dir, `svc${i}.Dockerfile`), body);
      }
    },
  },
  {
    name: 'junk-definitions',
    description:
      'an empty Dockerfile, a plain-text Containerfile, a compose file without services',
    write(dir) {
      writeFileSync(join(dir, 'Dockerfile'), '');
      writeFileSync(
        join(dir, 'Containerfile'),
        'This project used to ship a container.\nSee the wiki.\n',
      );
      writeFileSync(join(dir, 'docker-compose.yml'), 'version: "3.9"\n');
    },
  },
  {
    name: 'binary-and-bombs',
    description:
      '50 KB of random bytes as a Dockerfile, a YAML alias bomb, YAML nested 5,000 deep',
    write(dir) {
      writeFileSync(join(dir, 'Dockerfile'), randomBytes(50_000));
      const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++) {
        bomb.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      }
      writeFileSync(
        join(dir, 'compose.yaml'),
        `${bomb.join(
          '\n',
        )}\nservices:\n  web: {image: "app:1", command: *a9}\n`,
      );
      writeFileSync(
        join(dir, 'deploy.yaml'),
        `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(5000)}${']'.repeat(
          5000,
        )}\n`,
      );
    },
  },
  {
    name: 'backtracking-glob',
    description:
      'a path glob built to backtrack, against 250-character file names',
    annotations: { 'container-scorecard.io/paths': '*a*a*a*a*a*a*a*a*b' },
    write(dir, size) {
      writeFileSync(join(dir, 'Dockerfile'), ORDINARY_DOCKERFILE);
      for (let i = 0; i < pick(size, 50, 500); i++) {
        // File names stay under the file-system limit of 255 bytes.
        writeFileSync(join(dir, `${'a'.repeat(246)}${i}`), '');
      }
    },
  },
  {
    name: 'brace-bomb-glob',
    description: 'a path glob whose braces expand to ten billion patterns',
    annotations: {
      'container-scorecard.io/paths': '{1..100000},{1..99999}/Dockerfile',
    },
    write(dir) {
      writeFileSync(join(dir, 'Dockerfile'), ORDINARY_DOCKERFILE);
    },
  },
  {
    name: 'escaping-link',
    description: 'a Dockerfile that is a symbolic link to /etc/passwd',
    write(dir) {
      symlinkSync('/etc/passwd', join(dir, 'Dockerfile'));
    },
  },
  {
    name: 'long-title',
    description: 'an entity whose title is 1,000 characters long',
    title: 'T'.repeat(1000),
    write(dir) {
      writeFileSync(join(dir, 'Dockerfile'), ORDINARY_DOCKERFILE);
    },
  },
];

/** The group that owns every hostile repository. */
export const HOSTILE_TEAM: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'hostile-team' },
  spec: { type: 'team', children: [] },
};

/**
 * Writes every hostile repository under `root` and returns the entities that point at them
 * (the components; add `HOSTILE_TEAM` to the catalog for team views).
 */
export function writeHostileRepositories(
  root: string,
  size: HostileSize,
  repositories: HostileRepository[] = HOSTILE_REPOSITORIES,
): Entity[] {
  return repositories.map(repository => {
    const dir = join(root, repository.name);
    mkdirSync(dir, { recursive: true });
    repository.write(dir, size);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: repository.name,
        ...(repository.title ? { title: repository.title } : {}),
        annotations: {
          'backstage.io/source-location': `file:${dir}/`,
          ...repository.annotations,
        },
      },
      spec: { type: 'service', owner: 'hostile-team', lifecycle: 'production' },
      relations: [
        { type: RELATION_OWNED_BY, targetRef: 'group:default/hostile-team' },
      ],
    };
  });
}
