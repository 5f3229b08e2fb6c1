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

/**
 * `Dockerfile` or `Containerfile`, alone or followed by `.`, `-` or `_` and a variant
 * (`Dockerfile.prod`, `Dockerfile-windows`, `Dockerfile_gaudi`), or a `.dockerfile` /
 * `.containerfile` suffix (`build.Dockerfile`). A `-dockerfile` suffix is not taken: that is how
 * scripts about Dockerfiles are named (`lint-dockerfile`, `generate-dockerfile`).
 */
const DOCKERFILE =
  /^(dockerfile|containerfile)([._-].+)?$|\.(dockerfile|containerfile)$/i;
const COMPOSE = /^(docker-)?compose([.-].*)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
/** `Dockerfile.*` must not swallow source code, docs or per-Dockerfile ignore files. */
const NOT_A_DOCKERFILE =
  /\.(dockerignore|md|txt|json|ts|tsx|js|jsx|mjs|cjs|go|py|rb|rs|java|kt|sh|ps1|bat|ya?ml|toml|lock|html|css|snap|xml|svg|png|patch|diff|orig|rej|bak|swp)$/i;

/**
 * Classifies a file by its path (any separator). Pure: no file system access.
 *
 * - `Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*`, `*.Dockerfile`, `*.dockerfile`,
 *   and the same with `Containerfile` are Dockerfiles;
 * - `compose*.y(a)ml` and `docker-compose*.y(a)ml` are compose files;
 * - any other `*.yaml` / `*.yml` is a Kubernetes candidate, and so is a `Kustomization` file (the
 *   extension-less name kustomize accepts), which an overlay's build reads. The engine reads a
 *   candidate as Kubernetes when it holds workloads, as compose when its content is a compose
 *   file (`looksLikeComposeDocument`: `stack.yml`, `docker/app.yml`), and skips it otherwise.
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
