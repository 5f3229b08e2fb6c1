import type { RepositoryRuleReport } from '../framework/ruleTypes';
import { defineRepositoryRule } from '../framework/defineRule';

function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/**
 * Flags a Dockerfile with no `.dockerignore` where a build would find one: next to it (its usual
 * build context), at the repository root, or as its own `<Dockerfile>.dockerignore` (BuildKit).
 * The finding is attached to the Dockerfile's first FROM. Fragments without FROM are skipped,
 * and so is a listing made only of container definitions (a CLI run on single files), where an
 * absent `.dockerignore` proves nothing.
 */
export const missingDockerignore = defineRepositoryRule({
  id: 'missing-dockerignore',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'No .dockerignore for this Dockerfile',
  message:
    'No .dockerignore next to this Dockerfile or at the repository root: the whole directory is sent as build context.',
  rationale:
    'Everything in the build context is sent to the builder, and `COPY . .` puts all of it in the image: `.git`, local `.env` files and keys, `node_modules` built for another platform, test data, editor folders. The image grows, caches break on every unrelated edit, and secrets meant to stay on a laptop end up in a layer. A `.dockerignore` makes the context (and so the image) contain only what the process needs.',
  remediation: {
    description:
      'Add a `.dockerignore` in the build context that excludes VCS data, secrets, dependencies and build output (or allow-lists what the build needs).',
    before: 'services/api/Dockerfile   (no services/api/.dockerignore)',
    after:
      'services/api/.dockerignore:\n.git\n.env*\n*.pem\nnode_modules\ndist\ncoverage',
  },
  equivalents: {},
  checkRepository({ files }) {
    const paths = new Set(files.map(f => normalise(f.path)));
    const listsOtherFiles = files.some(f => !f.parsed);
    if (!listsOtherFiles) return [];
    const reports: RepositoryRuleReport[] = [];
    for (const file of files) {
      const parsed = file.parsed;
      if (parsed?.kind !== 'dockerfile') continue;
      const from = parsed.dockerfile.stages[0]?.from.instruction;
      if (!from) continue;
      const path = normalise(file.path);
      const candidates = [
        `${directoryOf(path)}.dockerignore`,
        '.dockerignore',
        `${path}.dockerignore`,
      ];
      if (candidates.some(c => paths.has(c))) continue;
      reports.push({ path: file.path, range: from.range });
    }
    return reports;
  },
});
