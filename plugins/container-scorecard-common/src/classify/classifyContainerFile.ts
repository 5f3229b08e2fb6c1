/**
 * What a file may be, judged from its path alone. YAML files other than compose files are only
 * candidates: the engine confirms them by content (an `apiVersion` and a workload `kind`).
 *
 * @public
 */
export type ContainerFileClassification =
  | 'dockerfile'
  | 'compose'
  | 'kubernetes-candidate';

const DOCKERFILE =
  /^(dockerfile|containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i;
const COMPOSE = /^(docker-)?compose([.-].*)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
/** `Dockerfile.*` must not swallow source code, docs or per-Dockerfile ignore files. */
const NOT_A_DOCKERFILE =
  /\.(dockerignore|md|txt|json|ts|tsx|js|jsx|mjs|cjs|go|py|rb|rs|java|kt|sh|ya?ml|toml|lock|html|css|snap)$/i;

/**
 * Classifies a file by its path (any separator). Pure: no file system access.
 *
 * - `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`,
 *   `Containerfile.*` are Dockerfiles;
 * - `compose*.y(a)ml` and `docker-compose*.y(a)ml` are compose files;
 * - any other `*.yaml` / `*.yml` is a Kubernetes candidate, and so is a `Kustomization` file (the
 *   extension-less name kustomize accepts), which an overlay's build reads.
 *
 * @public
 */
export function classifyContainerFile(
  path: string,
): ContainerFileClassification | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (DOCKERFILE.test(name) && !NOT_A_DOCKERFILE.test(name))
    return 'dockerfile';
  if (COMPOSE.test(name)) return 'compose';
  if (YAML.test(name) || name === 'Kustomization')
    return 'kubernetes-candidate';
  return undefined;
}
