import type { RepositoryRuleReport } from '../framework/ruleTypes';
import { defineRepositoryRule } from '../framework/defineRule';

/** Words that name a deployment environment (not a build purpose such as test, ci or debug). */
const ENVIRONMENTS = new Set([
  'dev',
  'develop',
  'development',
  'local',
  'prod',
  'production',
  'stage',
  'staging',
  'qa',
  'uat',
  'preprod',
]);

interface Entry {
  path: string;
  name: string;
  environment?: string;
  line: {
    start: { line: number; column: number };
    end: { line: number; column: number };
  };
}

/** Splits `api.prod.Dockerfile` into its group (`dir/api.dockerfile`) and environment (`prod`). */
function classify(path: string): { group: string; environment?: string } {
  const normalised = path.replace(/\\/g, '/');
  const slash = normalised.lastIndexOf('/');
  const directory = slash < 0 ? '' : normalised.slice(0, slash + 1);
  const name = normalised.slice(slash + 1).toLowerCase();
  const tokens = name.split(/[._-]+/).filter(Boolean);
  const environment = tokens.find(t => ENVIRONMENTS.has(t));
  const rest = tokens.filter(t => !ENVIRONMENTS.has(t)).join('.');
  return { group: `${directory}${rest}`, environment };
}

/**
 * Flags Dockerfiles for named environments that sit beside another Dockerfile for the same
 * thing: `Dockerfile` + `Dockerfile.dev`, `Dockerfile.staging` + `Dockerfile.prod`,
 * `api.dev.Dockerfile` + `api.Dockerfile`. Each environment-specific file gets a finding at its
 * first FROM. Files for build purposes (`Dockerfile.test`, `Dockerfile.ci`, `Dockerfile.base`)
 * and a lone `Dockerfile.prod` are not flagged.
 */
export const perEnvironmentDockerfiles = defineRepositoryRule({
  id: 'per-environment-dockerfiles',
  pillar: 'config-outside',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'One Dockerfile per environment',
  message:
    'Separate Dockerfiles per environment: build one image and configure it per environment at run time.',
  rationale:
    'The image that passed testing should be the very image that runs in production, with only its configuration changed. Per-environment Dockerfiles build different images from different recipes: they drift apart (a package added to one, a base bumped in another), so staging no longer proves anything about production. Environment differences belong in variables, mounted configuration and secrets injected at run time; development conveniences belong in a build target of the same Dockerfile.',
  remediation: {
    description:
      'Merge the files into one Dockerfile; express development-only tooling as a `--target dev` stage, and read environment settings from variables or mounted files at run time.',
    before: 'Dockerfile.dev\nDockerfile.prod',
    after:
      'Dockerfile\n  FROM node:22-slim AS base\n  ...\n  FROM base AS dev     # docker build --target dev\n  FROM base AS runtime # the image every environment runs',
  },
  equivalents: {},
  checkRepository({ files }) {
    const groups = new Map<string, Entry[]>();
    for (const file of files) {
      const parsed = file.parsed;
      if (parsed?.kind !== 'dockerfile') continue;
      const { group, environment } = classify(file.path);
      const from = parsed.dockerfile.stages[0]?.from.instruction.range;
      const entry: Entry = {
        path: file.path,
        name: file.path.replace(/^.*[\\/]/, ''),
        environment,
        line: from ?? {
          start: { line: 1, column: 1 },
          end: { line: 1, column: 1 },
        },
      };
      groups.set(group, [...(groups.get(group) ?? []), entry]);
    }
    const reports: RepositoryRuleReport[] = [];
    for (const entries of groups.values()) {
      if (entries.length < 2) continue;
      for (const entry of entries) {
        if (!entry.environment) continue;
        const siblings = entries
          .filter(e => e !== entry)
          .map(e => e.name)
          .join(', ');
        reports.push({
          path: entry.path,
          range: entry.line,
          message: `${entry.name} is a ${entry.environment}-only Dockerfile beside ${siblings}: build one image and configure it per environment at run time.`,
        });
      }
    }
    return reports;
  },
});
