import type { SourceRange } from '../../model/types';
import type {
  YamlDocumentModel,
  YamlLocation,
  YamlPath,
} from '../yaml/parseYamlDocuments';

/**
 * A container of a pod template: regular, init or ephemeral.
 *
 * @public
 */
export interface KubernetesContainer {
  name?: string;
  image?: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  group: 'containers' | 'initContainers' | 'ephemeralContainers';
  index: number;
  /** The container as a plain object. */
  value: Record<string, unknown>;
  range: SourceRange;
  /** Path of the container within its document. */
  path: YamlPath;
  /** Locates a node inside the container: `locate(['securityContext', 'privileged'])`. */
  locate(path: YamlPath): YamlLocation | undefined;
}

/**
 * A workload: a Kubernetes object that runs pods.
 *
 * @public
 */
export interface KubernetesWorkload {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  documentIndex: number;
  range: SourceRange;
  /** The pod spec as a plain object (from `spec`, `spec.template.spec` or `spec.jobTemplate...`). */
  podSpec: Record<string, unknown>;
  podSpecPath: YamlPath;
  containers: KubernetesContainer[];
  /** Locates a node relative to the pod spec. */
  locateInPodSpec(path: YamlPath): YamlLocation | undefined;
  document: YamlDocumentModel;
}

/**
 * A parsed Kubernetes manifest file (one or more documents).
 *
 * @public
 */
export interface KubernetesModel {
  documents: YamlDocumentModel[];
  workloads: KubernetesWorkload[];
}
