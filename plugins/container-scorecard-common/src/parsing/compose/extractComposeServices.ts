import type { YamlDocumentModel } from '../yaml/parseYamlDocuments';
import type { ComposeService } from './composeTypes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The services of a compose document (the `services:` map of the compose specification). */
export function extractComposeServices(
  document: YamlDocumentModel,
): ComposeService[] {
  const root = document.value;
  if (!isRecord(root) || !isRecord(root.services)) return [];
  const services: ComposeService[] = [];
  for (const [name, value] of Object.entries(root.services)) {
    const location = document.locate(['services', name]);
    if (!location) continue;
    const record = isRecord(value) ? value : {};
    services.push({
      name,
      value: record,
      range: location.range,
      nameRange: location.keyRange ?? location.range,
      image: typeof record.image === 'string' ? record.image : undefined,
      locate: path => document.locate(['services', name, ...path]),
    });
  }
  return services;
}
