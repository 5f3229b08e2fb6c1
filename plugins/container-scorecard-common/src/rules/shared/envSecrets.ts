/**
 * Recognises credentials written literally into environment variables (compose `environment:`,
 * Kubernetes `env[].value`), by the variable's name and by the shape of its value.
 */

/** Values that are credentials whatever the variable is called. */
const SECRET_VALUE_PATTERNS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  {
    what: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/,
  },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { what: 'a Stripe live key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}/ },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  {
    what: 'a private key',
    // PEM armour has five dashes; examples and hand-made fixtures often have fewer.
    pattern: /-{2,}BEGIN (?:[A-Z]+ +)*PRIVATE KEY( BLOCK)?-{2,}/,
  },
];

/** `scheme://user:password@host`: a password inside a connection string. */
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/i;

/** Name parts that say "this holds a credential". */
const SECRET_NAME =
  /(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|ACCESSKEY|PRIVATE_KEY|PRIVATEKEY|CREDENTIALS?|AUTH_KEY|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY)/;

/** A last name part that turns a secret-sounding name into metadata about the secret. */
const NOT_A_SECRET_SUFFIX = new Set([
  'FILE',
  'FILES',
  'KEYFILE',
  'PATH',
  'LOCATION',
  'DIR',
  'DIRECTORY',
  'NAME',
  'ID',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRE',
  'EXPIRATION',
  'LIFETIME',
  'TIMEOUT',
  'LENGTH',
  'LEN',
  'SIZE',
  'MIN',
  'MAX',
  'TYPE',
  'HEADER',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'REQUIRED',
  'POLICY',
  'ALGORITHM',
  'ALG',
  'MODE',
  'FORMAT',
  'VERSION',
  'PREFIX',
  'FIELD',
  'KEY_REF',
  'REF',
  'ROTATION',
  'REGEX',
  'PATTERN',
  'STORE',
  'PROVIDER',
]);

/**
 * Names whose documented meaning is the path of a credentials file, whatever they are called:
 * Google's Application Default Credentials read the JSON key from the file this variable names.
 * Pointing at a mounted file is the recommended pattern, not a leak; an inline key in one of them
 * is still caught by the value patterns (a private key).
 */
const PATH_VALUED_NAMES = new Set(['GOOGLE_APPLICATION_CREDENTIALS']);

/** `credentials/key.json`, `certs\\tls.pem`: a relative path to a file of a credential's kind. */
const RELATIVE_CREDENTIAL_FILE =
  /^[\w.-]+(?:[\\/][\w.-]+)*\.(?:json|pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|asc|gpg|txt|env|ya?ml|toml|ini|conf|cfg|properties|secret|token)$/i;

/** A first name part that makes the variable a setting about secrets (`MAX_TOKENS`). */
const NOT_A_SECRET_PREFIX = new Set(['MAX', 'MIN', 'NUM', 'COUNT']);

const NON_SECRET_WORDS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'null',
  'none',
  'nil',
  '~',
]);

/** Why a variable was judged to hold a secret. */
export interface EnvSecret {
  /** Human wording: "its name" or the kind of credential the value looks like. */
  because: string;
}

/**
 * True when the value only refers to something else: `${VAR}`, `$VAR`, `$(VAR)` or a file path
 * (absolute, relative with `./`, `~/`, a Windows drive, or a relative path ending in a
 * credential file's extension). A secret mounted as a file and named by path is the pattern the
 * remediation recommends.
 */
function isReference(value: string): boolean {
  return (
    value.includes('${') ||
    value.includes('$(') ||
    /^\$[A-Za-z_]/.test(value) ||
    /^(?:\/|\.\.?[\\/]|~\/|[A-Za-z]:[\\/])/.test(value) ||
    RELATIVE_CREDENTIAL_FILE.test(value)
  );
}

/**
 * `INSERT_ETCD_INITIAL_CLUSTER_TOKEN`, `YOUR_API_KEY_HERE`: an upper-case instruction to fill
 * the value in. Upper case only: a lower-case `changeme` is a real (weak) password that runs.
 */
const FILL_IN_PLACEHOLDER =
  /^(?:[A-Z0-9]+_)*(?:INSERT|REPLACE|YOUR|ENTER|PLACEHOLDER|FILL)(?:_[A-Z0-9]+)*$/;

/** An Ethereum address (`0x` and 40 hex digits) is public; a "token" variable may hold a contract's. */
const PUBLIC_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function isPlaceholder(value: string): boolean {
  return (
    /^<[^>]*>$/.test(value) ||
    /^(.)\1*$/.test(value) || // "xxxx", "****"
    NON_SECRET_WORDS.has(value.toLowerCase()) ||
    FILL_IN_PLACEHOLDER.test(value) ||
    PUBLIC_ADDRESS.test(value)
  );
}

/** True when a variable name says it holds a credential (and is not metadata about one). */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase().replace(/[-.]/g, '_');
  if (!SECRET_NAME.test(upper) || PATH_VALUED_NAMES.has(upper)) return false;
  const parts = upper.split('_').filter(Boolean);
  // Counts and limits (`MAX_TOTAL_TOKENS`, `NUM_TOKENS`) are numbers about tokens, not tokens.
  if (NOT_A_SECRET_PREFIX.has(parts[0] ?? '') || parts.includes('TOKENS'))
    return false;
  const last = parts[parts.length - 1] ?? '';
  const lastTwo = parts.slice(-2).join('_');
  return !NOT_A_SECRET_SUFFIX.has(last) && !NOT_A_SECRET_SUFFIX.has(lastTwo);
}

/**
 * Judges one variable. Returns why it holds a literal secret, or undefined.
 * Interpolation (`${DB_PASSWORD}`), file paths and empty values are not literal secrets.
 */
export function literalSecretIn(
  name: string,
  rawValue: unknown,
): EnvSecret | undefined {
  if (typeof rawValue !== 'string' && typeof rawValue !== 'number')
    return undefined;
  const value = String(rawValue).trim();
  if (value === '') return undefined;
  for (const { what, pattern } of SECRET_VALUE_PATTERNS) {
    if (pattern.test(value)) return { because: `the value looks like ${what}` };
  }
  const credentials = URL_CREDENTIALS.exec(value);
  if (credentials && !isReference(credentials[1]))
    return { because: 'the value is a URL with a password in it' };
  if (isSecretName(name) && !isReference(value) && !isPlaceholder(value))
    return { because: 'its name says it holds a credential' };
  return undefined;
}

/** Hides a secret for display: a short prefix at most, never the whole value. */
export function maskSecret(rawValue: unknown): string {
  const value = String(rawValue).trim();
  const visible = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, visible)}****`;
}
