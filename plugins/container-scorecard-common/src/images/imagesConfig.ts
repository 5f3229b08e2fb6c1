import { checkOptionValue } from '../rules/framework/ruleOptions';
import { imageRules } from '../rules/image';

/**
 * A registry images may be read from. The same shape in app-config
 * (`containerScorecard.images.registries`) and in the CLI's configuration file.
 *
 * @public
 */
export interface ImageRegistryConfig {
  host: string;
  username?: string;
  password?: string;
  token?: string;
  /** Plain HTTP, for loopback registries only. */
  insecure?: boolean;
  /** The registry's token realm and blob storage hosts, when they are other hosts. */
  trustedHosts?: string[];
}

/**
 * Image inspection settings: off unless `enabled` (the backend) or `--inspect-images` (the CLI).
 *
 * @public
 */
export interface ImagesConfig {
  enabled?: boolean;
  registries?: ImageRegistryConfig[];
  /** The platform whose config is read from multi-platform images; `linux/amd64` by default. */
  platform?: string;
  /** Per image rule: `enabled: false` turns it off; `options` over its defaults. */
  rules?: Record<
    string,
    { enabled?: boolean; options?: Record<string, unknown> }
  >;
  limits?: {
    maxManifestBytes?: number;
    maxConfigBytes?: number;
    maxImagesPerEntity?: number;
    requestTimeoutMs?: number;
  };
}

const REGISTRY_KEYS = [
  'host',
  'username',
  'password',
  'token',
  'insecure',
  'trustedHosts',
];
const LIMIT_KEYS = [
  'maxManifestBytes',
  'maxConfigBytes',
  'maxImagesPerEntity',
  'requestTimeoutMs',
];

function isRecord(value: unknown): value is Record<string, any> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Validates the `images` section, pushing every problem found. @public */
export function validateImagesConfig(
  value: unknown,
  problems: string[],
): ImagesConfig | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push('"images" must be an object');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (
      !['enabled', 'registries', 'platform', 'rules', 'limits'].includes(key)
    ) {
      problems.push(`images.${key}: unknown setting`);
    }
  }
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean') {
    problems.push('images.enabled must be true or false');
  }
  if (
    value.platform !== undefined &&
    !/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/.test(String(value.platform))
  ) {
    problems.push('images.platform must look like linux/amd64');
  }
  if (value.registries !== undefined) {
    if (!Array.isArray(value.registries))
      problems.push('images.registries must be a list');
    else
      value.registries.forEach((registry: unknown, index: number) => {
        const where = `images.registries[${index}]`;
        if (
          !isRecord(registry) ||
          typeof registry.host !== 'string' ||
          !registry.host
        ) {
          problems.push(`${where}.host is required`);
          return;
        }
        for (const key of Object.keys(registry)) {
          if (!REGISTRY_KEYS.includes(key))
            problems.push(`${where}.${key}: unknown setting`);
        }
        for (const key of ['username', 'password', 'token']) {
          if (registry[key] !== undefined && typeof registry[key] !== 'string')
            problems.push(`${where}.${key} must be a string`);
        }
        if (
          registry.trustedHosts !== undefined &&
          !(
            Array.isArray(registry.trustedHosts) &&
            registry.trustedHosts.every((h: unknown) => typeof h === 'string')
          )
        )
          problems.push(`${where}.trustedHosts must be a list of host names`);
      });
  }
  if (value.rules !== undefined) {
    if (!isRecord(value.rules))
      problems.push('images.rules must map image rule ids to settings');
    else
      for (const [id, settings] of Object.entries(value.rules)) {
        const rule = imageRules.find(r => r.id === id);
        if (!rule) {
          problems.push(`images.rules.${id}: unknown image rule id`);
          continue;
        }
        if (!isRecord(settings)) {
          problems.push(`images.rules.${id} must be an object`);
          continue;
        }
        for (const [name, optionValue] of Object.entries(
          settings.options ?? {},
        )) {
          const spec = rule.options?.[name];
          const problem = spec
            ? checkOptionValue(spec, optionValue)
            : 'is not an option of this rule';
          if (problem)
            problems.push(`images.rules.${id}.options.${name} ${problem}`);
        }
      }
  }
  if (value.limits !== undefined) {
    if (!isRecord(value.limits))
      problems.push('images.limits must be an object');
    else
      for (const [key, limit] of Object.entries(value.limits)) {
        if (!LIMIT_KEYS.includes(key))
          problems.push(`images.limits.${key}: unknown limit`);
        else if (typeof limit !== 'number' || !(limit > 0))
          problems.push(`images.limits.${key} must be a positive number`);
      }
  }
  return value as ImagesConfig;
}

/** The image rules' settings from the `images` section, as `scoreImages` takes them. @public */
export function imageRuleSettingsOf(config: ImagesConfig | undefined): {
  ruleOptions: Record<string, Record<string, unknown>>;
  disabledRules: string[];
} {
  const entries = Object.entries(config?.rules ?? {});
  return {
    ruleOptions: Object.fromEntries(
      entries.map(([id, rule]) => [id, rule.options ?? {}]),
    ),
    disabledRules: entries
      .filter(([, rule]) => rule.enabled === false)
      .map(([id]) => id),
  };
}
