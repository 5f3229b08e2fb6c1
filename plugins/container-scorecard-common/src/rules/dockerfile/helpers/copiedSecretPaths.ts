import type {
  DockerInstruction,
  DockerfileModel,
} from '../../../parsing/dockerfile/dockerfileTypes';
import { baseName, copyArguments } from './copySources';

/** `*`, `?` and `[...]`: the wildcards COPY and ADD sources accept. */
const GLOB = /[*?[]/;
const WILDCARD_RUN = /\*+|\?|\[[^\]]*\]/g;

/**
 * Innocent names a wildcard can stand for: a certificate, a public key, an example file. A glob
 * is only as certain as its most innocent match: `*.pem` also copies `ca.pem`, `id_rsa*` also
 * `id_rsa.pub`, `*.env` also `app.example.env`.
 */
const INNOCENT_FILLS = [
  '',
  'x',
  'ca',
  'cert',
  'fullchain',
  'public',
  '.pub',
  'x.example',
  '.example',
  'example.',
];

/**
 * True when every name a glob can match is judged secret by `kind`: `*.p12` is, `*.pem`
 * (certificates) and `*.env` (`.example.env`) are not. Tried with the innocent fills in every
 * wildcard (`?` and `[...]` stand for one character).
 */
export function globIsCertainlySecret(
  pattern: string,
  kind: (path: string) => string | undefined,
): boolean {
  return INNOCENT_FILLS.every(fill => {
    const name = pattern.replace(WILDCARD_RUN, run =>
      run.startsWith('*') ? fill : 'x',
    );
    return kind(name) !== undefined;
  });
}

export function isGlob(path: string): boolean {
  return GLOB.test(path);
}

/** Environment variables whose value is the path of a credentials file, by convention. */
export const CREDENTIAL_FILE_VARIABLES = new Set([
  'GOOGLE_APPLICATION_CREDENTIALS',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'HF_TOKEN_PATH',
  'KUBECONFIG',
]);

/**
 * System locations where keys are generated or mounted when the container starts (a self-signed
 * certificate's key in /etc/ssl/private, a secret in /run/secrets): a directory copied there is
 * configuration, not the key. Neither a path there nor a copy to `/` (a root file system overlay)
 * says the key comes from the build context.
 */
const RUNTIME_LOCATIONS =
  /^\/(etc|run|var\/run|tmp|var\/tmp|dev|proc|sys)(\/|$)/;

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function absolute(path: string, workdir: string): string {
  return normalise(path.startsWith('/') ? path : `${workdir}/${path}`);
}

/** A COPY or ADD of the shipped image, with its destination made absolute. */
export interface ShippedCopy {
  instruction: DockerInstruction;
  sources: string[];
  /** Absolute destination; `endsWithSlash` keeps `COPY a /app/` apart from `COPY a /app`. */
  destination: string;
  endsWithSlash: boolean;
}

/** The COPY/ADD instructions of `instructions` with absolute destinations (WORKDIR followed). */
export function shippedCopies(
  model: DockerfileModel,
  instructions: readonly DockerInstruction[],
): { copies: ShippedCopy[]; workdirAt: Map<DockerInstruction, string> } {
  const copies: ShippedCopy[] = [];
  const workdirAt = new Map<DockerInstruction, string>();
  let workdir = '/';
  let stageIndex: number | undefined;
  for (const instruction of instructions) {
    if (instruction.stageIndex !== stageIndex) {
      // A stage built FROM an earlier one inherits its WORKDIR; a new base starts at `/`.
      const stage = model.stages[instruction.stageIndex];
      if (stage?.from.baseStageIndex === undefined) workdir = '/';
      stageIndex = instruction.stageIndex;
    }
    workdirAt.set(instruction, workdir);
    if (instruction.keyword === 'WORKDIR') {
      const { value } = model.resolve(
        instruction.argumentsText.trim(),
        instruction.range.start.line,
      );
      workdir = absolute(value.replace(/^["']|["']$/g, ''), workdir);
    }
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')
      continue;
    const { sources, destination } = copyArguments(model, instruction);
    if (!destination) continue;
    copies.push({
      instruction,
      sources,
      destination: absolute(destination, workdir),
      endsWithSlash: destination.endsWith('/') || destination === '.',
    });
  }
  return { copies, workdirAt };
}

/** True when the source names a directory (or several files), so its contents are unknown. */
function copiesUnknownFiles(source: string): boolean {
  const name = baseName(source);
  return (
    source === '.' ||
    source.endsWith('/') ||
    isGlob(source) ||
    name === '.' ||
    !name.includes('.')
  );
}

/**
 * The COPY that may have put the file at `path` into the image: one whose destination contains
 * it and whose sources are a directory, a glob or a file of that name. Undefined for system
 * locations (/etc, /run, /tmp, …) and directories other than the whole context copied to `/`.
 */
export function copyThatMayHold(
  path: string,
  copies: readonly ShippedCopy[],
): ShippedCopy | undefined {
  if (RUNTIME_LOCATIONS.test(path)) return undefined;
  return copies.find(copy => {
    if (copy.destination === path)
      return copy.sources.length === 1 && !copy.endsWithSlash;
    // A named directory copied to `/` is a root file system overlay; the whole context is not.
    if (copy.destination === '/' && !copy.sources.some(s => /^\.\/?$/.test(s)))
      return false;
    if (copy.destination !== '/' && !path.startsWith(`${copy.destination}/`))
      return false;
    const first = path
      .slice(copy.destination === '/' ? 1 : copy.destination.length + 1)
      .split('/')[0];
    return copy.sources.some(
      source => copiesUnknownFiles(source) || baseName(source) === first,
    );
  });
}

export { absolute as absolutePath };
