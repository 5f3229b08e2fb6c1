/** A parsed `WWW-Authenticate` challenge. */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"`.
 * Quoted values may contain commas (scopes like `repository:a:pull,push`), so this is a small
 * scanner rather than a split.
 */
export function parseAuthChallenge(header: string): AuthChallenge | undefined {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
  for (const param of match[2].matchAll(pattern)) {
    params[param[1].toLowerCase()] = (param[2] ?? param[3] ?? '').replace(
      /\\(.)/g,
      '$1',
    );
  }
  return { scheme: match[1].toLowerCase(), params };
}

/** `Basic` credentials header value. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
