import type { SourceRange } from '../../model/types';
import type {
  YamlDocumentModel,
  YamlLocation,
  YamlPath,
} from '../yaml/parseYamlDocuments';

/**
 * One service of a compose file.
 *
 * @public
 */
export interface ComposeService {
  name: string;
  /** The service as a plain object. */
  value: Record<string, unknown>;
  /** The service's mapping. */
  range: SourceRange;
  /** The service name key. */
  nameRange: SourceRange;
  image?: string;
  /** Locates a key of the service: `locate(['privileged'])`. */
  locate(path: YamlPath): YamlLocation | undefined;
}

/**
 * A parsed compose file.
 *
 * @public
 */
export interface ComposeModel {
  document: YamlDocumentModel;
  services: ComposeService[];
}
