import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RegistryConfig } from './registryConfig';

/**
 * Registries the user has logged into with `docker login` (`auths` of `~/.docker/config.json`,
 * or `$DOCKER_CONFIG/config.json`), with their credentials. Credential helpers (`credsStore`)
 * are not run: only inline `auth` entries are read. A missing or unreadable file gives none.
 */
export async function readDockerConfigAuths(
  env: Record<string, string | undefined>,
): Promise<RegistryConfig[]> {
  const dir = env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker');
  let json: {
    auths?: Record<string, { auth?: string; identitytoken?: string }>;
  };
  try {
    json = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  } catch {
    return [];
  }
  const registries: RegistryConfig[] = [];
  for (const [key, entry] of Object.entries(json.auths ?? {})) {
    const host = hostOf(key);
    if (!host || typeof entry?.auth !== 'string') continue;
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) continue;
    registries.push({
      host,
      username: decoded.slice(0, colon),
      password: decoded.slice(colon + 1),
      // Docker itself talks plain HTTP to loopback registries (127.0.0.0/8 is insecure by default).
      ...(/^(localhost|127\.\d+\.\d+\.\d+)(:\d+)?$/.test(host)
        ? { insecure: true }
        : {}),
    });
  }
  return registries;
}

/** `https://index.docker.io/v1/` → `docker.io`; `ghcr.io` stays `ghcr.io`. */
function hostOf(key: string): string | undefined {
  const host = key
    .replace(/^https?:\/\//, '')
    .split('/')[0]
    .toLowerCase();
  return host === 'index.docker.io' ? 'docker.io' : host || undefined;
}

/**
 * The configuration file's registries, with credentials from the Docker config where the file
 * gives none, plus the registries only the Docker config names.
 */
export function mergeRegistries(
  configured: readonly RegistryConfig[],
  fromDocker: readonly RegistryConfig[],
): RegistryConfig[] {
  const merged = configured.map(registry => {
    const login = fromDocker.find(d => d.host === registry.host.toLowerCase());
    return registry.username || registry.token || !login
      ? registry
      : { ...registry, username: login.username, password: login.password };
  });
  for (const login of fromDocker) {
    if (!merged.some(r => r.host.toLowerCase() === login.host))
      merged.push(login);
  }
  return merged;
}
