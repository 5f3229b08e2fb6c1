import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { finalImageInstructions } from './helpers/dockerfileScope';
import { baseName, copyArguments } from './helpers/copySources';

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
    'Every file in an image layer is readable by anyone who can pull the image, and deleting it in a later layer does not remove it from the earlier one. Keys, `.env` files and registry tokens baked in this way leak with every copy of the image and tie one image to one environment.',
  remediation: {
    description:
      'Keep the file out of the build context (list it in .dockerignore). Mount it at run time as a secret, or, for build steps such as `npm ci`, use a BuildKit secret mount.',
    before: 'COPY .npmrc .env ./\nRUN npm ci',
    after:
      'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n# .env values come from the platform at run time',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of finalImageInstructions(model)) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')
        continue;
      const found = copyArguments(model, instruction)
        .sources.map(source => ({ source, kind: secretFileKind(source) }))
        .filter(s => s.kind);
      if (found.length === 0) continue;
      reports.push({
        range: instruction.range,
        message: `${instruction.keyword} puts ${found
          .map(s => `${s.source} (${s.kind})`)
          .join(', ')} into the image: mount secrets at run time instead.`,
      });
    }
    return reports;
  },
});
