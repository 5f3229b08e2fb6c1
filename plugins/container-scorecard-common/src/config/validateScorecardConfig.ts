import { validateImagesConfig } from '../images/imagesConfig';
import { SEVERITIES, type Severity } from '../model/types';
import { checkOptionValue } from '../rules/framework/ruleOptions';
import type { RuleMetadata } from '../rules/framework/ruleTypes';
import { builtInRules } from '../engine/builtInRules';
import {
  DEFAULT_LIMITS,
  ScorecardConfigError,
  type RuleConfig,
  type ScorecardConfig,
  type ScorecardLimits,
  type WaiverConfig,
} from './ScorecardConfig';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every limit is a positive integer; the list follows `DEFAULT_LIMITS`. */
const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof ScorecardLimits)[];

function isLimitName(key: string): key is keyof ScorecardLimits {
  return (LIMIT_NAMES as string[]).includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string');
}

/**
 * Checks untrusted configuration against the known rules and returns it typed.
 * Throws a `ScorecardConfigError` listing every problem (unknown rule id, bad severity, option of
 * the wrong type, unknown option, malformed waiver...).
 *
 * @param rules - the rules the engine will run; defaults to every built-in rule.
 * @public
 */
export function validateScorecardConfig(
  input: unknown,
  rules: readonly RuleMetadata[] = builtInRules,
): { config: ScorecardConfig } {
  const problems: string[] = [];
  const known = new Map(rules.map(rule => [rule.id, rule]));
  if (input === undefined || input === null) return { config: {} };
  if (!isRecord(input))
    throw new ScorecardConfigError(['the configuration must be an object']);

  for (const key of Object.keys(input)) {
    if (
      !['rules', 'trustedRegistries', 'limits', 'waivers', 'images'].includes(
        key,
      )
    ) {
      problems.push(`unknown setting "${key}"`);
    }
  }
  const config: ScorecardConfig = {};
  // Image inspection has its own rules and settings (docs/images.md).
  const images = validateImagesConfig(input.images, problems);
  if (images) config.images = images;

  if (input.rules !== undefined) {
    if (!isRecord(input.rules))
      problems.push('"rules" must map rule ids to settings');
    else {
      config.rules = {};
      for (const [id, value] of Object.entries(input.rules)) {
        const rule = known.get(id);
        if (!rule) {
          problems.push(`rules.${id}: unknown rule id`);
          continue;
        }
        const checked = checkRuleConfig(`rules.${id}`, value, rule, problems);
        if (checked) config.rules[id] = checked;
      }
    }
  }

  if (input.trustedRegistries !== undefined) {
    if (!isStringList(input.trustedRegistries))
      problems.push('"trustedRegistries" must be a list of strings');
    else config.trustedRegistries = input.trustedRegistries;
  }

  if (input.limits !== undefined) {
    if (!isRecord(input.limits)) problems.push('"limits" must be an object');
    else {
      config.limits = {};
      for (const [key, value] of Object.entries(input.limits)) {
        if (!isLimitName(key)) {
          problems.push(
            `limits.${key}: unknown limit (accepted: ${LIMIT_NAMES.join(
              ', ',
            )})`,
          );
        } else if (
          typeof value !== 'number' ||
          !Number.isInteger(value) ||
          value <= 0
        ) {
          problems.push(`limits.${key}: must be a positive integer`);
        } else config.limits[key] = value;
      }
    }
  }

  if (input.waivers !== undefined) {
    if (!Array.isArray(input.waivers))
      problems.push('"waivers" must be a list');
    else {
      config.waivers = input.waivers
        .map((waiver, index) =>
          checkWaiver(`waivers[${index}]`, waiver, known, problems),
        )
        .filter((w): w is WaiverConfig => w !== undefined);
    }
  }

  if (problems.length > 0) throw new ScorecardConfigError(problems);
  return { config };
}

function checkRuleConfig(
  where: string,
  value: unknown,
  rule: RuleMetadata,
  problems: string[],
): RuleConfig | undefined {
  if (typeof value === 'boolean') return { enabled: value };
  if (!isRecord(value)) {
    problems.push(`${where}: must be an object (or true/false)`);
    return undefined;
  }
  const result: RuleConfig = {};
  for (const key of Object.keys(value)) {
    if (!['enabled', 'severity', 'options'].includes(key))
      problems.push(`${where}.${key}: unknown setting`);
  }
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== 'boolean')
      problems.push(`${where}.enabled: must be true or false`);
    else result.enabled = value.enabled;
  }
  if (value.severity !== undefined) {
    if (!SEVERITIES.includes(value.severity as Severity)) {
      problems.push(
        `${where}.severity: "${String(
          value.severity,
        )}" is not one of ${SEVERITIES.join(', ')}`,
      );
    } else result.severity = value.severity as Severity;
  }
  if (value.options !== undefined) {
    if (!isRecord(value.options))
      problems.push(`${where}.options: must be an object`);
    else {
      result.options = {};
      for (const [name, optionValue] of Object.entries(value.options)) {
        const spec = rule.options?.[name];
        if (!spec) {
          const accepted = Object.keys(rule.options ?? {});
          problems.push(
            `${where}.options.${name}: unknown option (accepted: ${
              accepted.length ? accepted.join(', ') : 'none'
            })`,
          );
          continue;
        }
        const problem = checkOptionValue(spec, optionValue);
        if (problem) problems.push(`${where}.options.${name}: ${problem}`);
        else result.options[name] = optionValue;
      }
    }
  }
  return result;
}

function checkWaiver(
  where: string,
  value: unknown,
  known: Map<string, RuleMetadata>,
  problems: string[],
): WaiverConfig | undefined {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an object`);
    return undefined;
  }
  const before = problems.length;
  if (typeof value.rule !== 'string' || !known.has(value.rule)) {
    problems.push(`${where}.rule: unknown rule id "${String(value.rule)}"`);
  }
  if (typeof value.reason !== 'string' || value.reason.trim() === '') {
    problems.push(`${where}.reason: a central waiver needs a reason`);
  }
  if (value.paths !== undefined && !isStringList(value.paths)) {
    problems.push(`${where}.paths: must be a list of strings`);
  }
  if (
    value.until !== undefined &&
    (typeof value.until !== 'string' || !DATE.test(value.until))
  ) {
    problems.push(`${where}.until: must be a YYYY-MM-DD date`);
  }
  if (problems.length > before) return undefined;
  return {
    rule: value.rule as string,
    reason: value.reason as string,
    ...(value.paths ? { paths: value.paths as string[] } : {}),
    ...(value.until ? { until: value.until as string } : {}),
  };
}
