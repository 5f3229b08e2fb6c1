import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { finalImageInstructions } from './helpers/dockerfileScope';
import { keyValuePairs } from './helpers/keyValuePairs';

/** Host name parts that name a deployment environment. */
const ENVIRONMENT_WORDS = new Set([
  'prod',
  'production',
  'prd',
  'staging',
  'stage',
  'stg',
  'qa',
  'uat',
  'preprod',
]);
/** `scheme://user:password@host`, where the password is not a variable. */
const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/([^/\s:@]+):([^/\s@]+)@/i;
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/\s@]*@)?([^/\s:?#]+)/i;
const BARE_HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)+)(:\d+)?(\/.*)?$/i;

function hostsOf(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map(part => URL_HOST.exec(part)?.[1] ?? BARE_HOST.exec(part)?.[1])
    .filter((host): host is string => host !== undefined);
}

function environmentOf(host: string): string | undefined {
  return host
    .toLowerCase()
    .split(/[.-]/)
    .find(part => ENVIRONMENT_WORDS.has(part.replace(/\d+$/, '')));
}

/** Flags ENV values that tie the image to one environment: its endpoints or credentials. */
export const hardcodedEnvironmentEndpoint = defineRule({
  id: 'hardcoded-environment-endpoint',
  pillar: 'config-outside',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Environment-specific endpoint in the image',
  message:
    'ENV names the endpoint of one environment: inject it at deploy time so one image runs everywhere.',
  rationale:
    'The same image should move from test to staging to production unchanged; only its configuration differs. An endpoint of one environment baked into the image forces a rebuild per environment (so what was tested is not what ships), and a missing override silently points staging at production.',
  remediation: {
    description:
      'Leave environment-specific addresses out of the image and set them in the deployment (compose environment, a ConfigMap, a secret for connection strings with credentials). Keep only neutral defaults, such as localhost, in the Dockerfile.',
    before:
      'ENV API_URL=https://api.prod.example.com \\\n    DATABASE_URL=postgres://app:s3cret@db.prod.internal:5432/app',
    after:
      '# set per environment at deploy time:\n#   API_URL, DATABASE_URL (from a secret)',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of finalImageInstructions(model)) {
      if (instruction.keyword !== 'ENV') continue;
      for (const pair of keyValuePairs(
        instruction,
        file.lineIndex,
        model.escapeChar,
      )) {
        const value = pair.value?.trim() ?? '';
        const credentials = CREDENTIALS_IN_URL.exec(value);
        if (credentials && !credentials[2].startsWith('$')) {
          reports.push({
            range: pair.keyRange,
            message: `ENV ${pair.key} is a connection string with a user and password (${credentials[1]}:****): inject it at deploy time from a secret.`,
          });
          continue;
        }
        for (const host of hostsOf(value)) {
          const environment = environmentOf(host);
          if (!environment) continue;
          reports.push({
            range: pair.keyRange,
            message: `ENV ${pair.key} points at ${host}, a "${environment}" endpoint: set it per environment at deploy time.`,
          });
          break;
        }
      }
    }
    return reports;
  },
});
