import type { ParsedDockerfile, RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { finalImageInstructions } from './helpers/dockerfileScope';
import { baseName, copyArguments } from './helpers/copySources';
import {
  CREDENTIAL_FILE_VARIABLES,
  absolutePath,
  copyThatMayHold,
  globIsCertainlySecret,
  isGlob,
  shippedCopies,
} from './helpers/copiedSecretPaths';
import { keyValuePairs } from './helpers/keyValuePairs';

/** `.env` variants that hold examples, not values. */
const ENV_EXAMPLE =
  /\.(example|sample|template|dist|defaults?|schema|tpl)(\.|$)/i;

/** What kind of secret a copied path is, if it looks like one. */
export function secretFileKind(source: string): string | undefined {
  const path = source.replace(/\\/g, '/');
  const name = baseName(path);
  const lower = name.toLowerCase();
  if (/(^|\/)\.(aws|ssh|gnupg)(\/|$)/.test(path))
    return `the ${path.match(/\.(aws|ssh|gnupg)/)![0]} directory`;
  if (/(^|\/)\.docker\/config\.json$/.test(path) || lower === '.dockercfg')
    return 'registry credentials';
  if (/(^|\/)\.kube\/config$/.test(path)) return 'a kubeconfig';
  if (
    (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) &&
    !ENV_EXAMPLE.test(lower)
  )
    return 'an environment file';
  if (/^id_(rsa|dsa|ecdsa|ed25519)$/.test(lower)) return 'an SSH private key';
  if (
    ['.npmrc', '.pypirc', '.netrc', '.git-credentials', '.pgpass'].includes(
      lower,
    )
  )
    return 'a credentials file';
  if (/^(credentials|client_secrets?)(\.[\w-]+)?\.json$/.test(lower))
    return 'a credentials file';
  if (/\.(p12|pfx)$/.test(lower)) return 'a key store';
  if (
    /\.(pem|key)$/.test(lower) &&
    !/(cert|chain|(^|[._-])ca[._-]|pub|bundle|trust|gpg|pgp|asc|keyring)/.test(
      lower,
    )
  )
    return 'a private key';
  return undefined;
}

/**
 * What kind of secret a COPY source is. A glob counts only when every name it can match is a
 * secret (`*.p12`, `.ssh/*`), not when an ordinary file can match it too (`*.pem` matches
 * certificates, `*.env` matches `app.example.env`, `id_rsa*` matches `id_rsa.pub`).
 */
function copiedSecretKind(source: string): string | undefined {
  if (!isGlob(source)) return secretFileKind(source);
  return globIsCertainlySecret(source, secretFileKind)
    ? secretFileKind(source.replace(/[*?]|\[[^\]]*\]/g, 'x'))
    : undefined;
}

/**
 * `COPY ./config $AWS_CONFIG_FILE`: the destination is named by a variable whose value is by
 * convention a credentials file, so what is copied there is one.
 */
function credentialFileDestination(argumentsText: string): string | undefined {
  const words = argumentsText.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(last)?.[1];
  return name && CREDENTIAL_FILE_VARIABLES.has(name.toUpperCase())
    ? `$${name}`
    : undefined;
}

/**
 * ENV and ARG values that point at a credentials file (GOOGLE_APPLICATION_CREDENTIALS, or a path whose
 * name is a key, `.env`, …) inside a directory a COPY fills from the build context: the file
 * named there ships in the image, unless .dockerignore leaves it out, which a Dockerfile cannot
 * show. A COPY already reported for naming the secret is not reported again.
 */
function credentialPathsInCopiedDirectories(
  file: ParsedDockerfile,
  flaggedCopies: Set<unknown>,
): RuleReport[] {
  const model = file.dockerfile;
  const instructions = finalImageInstructions(model);
  const { copies, workdirAt } = shippedCopies(model, instructions);
  const reports: RuleReport[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG')
      continue;
    for (const pair of keyValuePairs(
      instruction,
      file.lineIndex,
      model.escapeChar,
    )) {
      if (!pair.value) continue;
      const { value, unresolved } = model.resolve(
        pair.value,
        instruction.range.start.line,
      );
      if (unresolved.length > 0 || /[\s:;,]/.test(value)) continue;
      const byName = CREDENTIAL_FILE_VARIABLES.has(pair.key.toUpperCase());
      const kind = value.includes('/') ? secretFileKind(value) : undefined;
      if (!byName && !kind) continue;
      const path = absolutePath(value, workdirAt.get(instruction) ?? '/');
      const copy = copyThatMayHold(path, copies);
      if (!copy || flaggedCopies.has(copy.instruction)) continue;
      reports.push({
        range: pair.range,
        message: `${instruction.keyword} ${pair.key} points to ${path}${
          kind ? ` (${kind})` : ''
        }, inside what the ${copy.instruction.keyword} on line ${
          copy.instruction.range.start.line
        } copies into the image: unless .dockerignore leaves it out, the credentials ship with the image. Mount the file at run time instead.`,
      });
    }
  }
  return reports;
}

/** Flags COPY/ADD of files that hold secrets into the shipped image. */
export const secretFileCopied = defineRule({
  id: 'secret-file-copied',
  pillar: 'config-outside',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Secret file copied into the image',
  message:
    'A file that holds secrets is copied into the image: mount it at run time instead.',
  rationale:
    'Every file in an image layer is readable by anyone who can pull the image, and deleting it in a later layer does not remove it from the earlier one. Keys, `.env` files and registry tokens baked in this way leak with every copy of the image and tie one image to one environment. Besides the names of copied files, an ENV that points a program at a credentials file inside a copied directory (`COPY . /app` with `ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa-key.json`) is reported: the file it names comes from the build context. Paths in system locations (/etc, /run, /tmp), where a key is usually generated or mounted when the container starts, and copies of a whole root file system to `/` are not. A glob is reported only when every name it can match is a secret: `*.p12` or `.ssh/*` are, but `*.pem` also matches certificates, `*.env` also matches `app.example.env` and `id_rsa*` also matches `id_rsa.pub`, so those are left to review.',
  remediation: {
    description:
      'Keep the file out of the build context (list it in .dockerignore). Mount it at run time as a secret, or, for build steps such as `npm ci`, use a BuildKit secret mount.',
    before: 'COPY .npmrc .env ./\nRUN npm ci',
    after:
      'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n# .env values come from the platform at run time',
  },
  equivalents: { trivy: 'DS-0031' },
  equivalentLinks: {
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/leaked_secrets.rego',
  },
  equivalentsNote:
    'Trivy DS-0031 (checks/docker/leaked_secrets.rego) covers part of this: in the final stage, an ENV or ARG named GOOGLE_APPLICATION_CREDENTIALS, AWS_CONFIG_FILE or HF_TOKEN_PATH whose path lies under the destination of any COPY, and a COPY into `$AWS_CONFIG_FILE` (or another of those variables); both are checked here too (leaked-secrets.trivy.test.ts: 7/13 of its cases agree, the 6 others are deliberate). This rule also judges the copied file names themselves (keys, .env, .npmrc, kubeconfig, …), follows WORKDIR for relative paths, requires the COPY to be able to bring that file (a directory, a glob or that file name), skips system locations where keys are generated or mounted at start (/etc, /run, /tmp, …) and copies to `/` (Trivy flags `COPY rootfs/ /` with a key under /etc or /run), and checks the stages the final stage is built FROM. hadolint and Checkov have no such check. Known limit: rules see the Dockerfile, not the files it copies (the repository context the engine gives rules carries only deploy-tool image names), so a copied `.env` is reported by its name even when it holds only `${VAR}` references and no value; reading the content of the copied file would be needed to tell such a template from a real secrets file.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    const instructions = finalImageInstructions(model);
    const flaggedCopies = new Set<unknown>();
    for (const instruction of instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')
        continue;
      const found = copyArguments(model, instruction)
        .sources.map(source => ({ source, kind: copiedSecretKind(source) }))
        .filter(s => s.kind);
      const into = credentialFileDestination(instruction.argumentsText);
      if (into)
        found.push({
          source: `the file ${into} names`,
          kind: 'a credentials file',
        });
      if (found.length === 0) continue;
      flaggedCopies.add(instruction);
      reports.push({
        range: instruction.range,
        message: `${instruction.keyword} puts ${found
          .map(s => `${s.source} (${s.kind})`)
          .join(', ')} into the image: mount secrets at run time instead.`,
      });
    }
    reports.push(...credentialPathsInCopiedDirectories(file, flaggedCopies));
    return reports;
  },
});
