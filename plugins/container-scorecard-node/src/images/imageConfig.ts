import type { InspectedImageConfig } from '@container-scorecard/plugin-container-scorecard-common';
import { parseJson } from './manifests';

/**
 * The parts of an image config blob the rules read. Fields of the wrong type are dropped, not
 * trusted: a config is data from a registry, not from us.
 */
export function readImageConfig(body: Buffer): InspectedImageConfig {
  const json = parseJson(body, 'image config');
  const config = isObject(json.config) ? json.config : {};
  const labels: Record<string, string> = {};
  if (isObject(config.Labels)) {
    for (const [key, value] of Object.entries(config.Labels)) {
      if (typeof value === 'string') labels[key] = value;
    }
  }
  const healthcheck = isObject(config.Healthcheck)
    ? stringArray(config.Healthcheck.Test)
    : undefined;
  return {
    user: typeof config.User === 'string' ? config.User : undefined,
    entrypoint: stringArray(config.Entrypoint),
    cmd: stringArray(config.Cmd),
    healthcheck,
    labels,
    created: typeof json.created === 'string' ? json.created : undefined,
    os: typeof json.os === 'string' ? json.os : undefined,
    architecture:
      typeof json.architecture === 'string' ? json.architecture : undefined,
  };
}

function isObject(value: unknown): value is Record<string, any> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
    ? value
    : undefined;
}
