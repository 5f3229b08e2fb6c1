/**
 * A registry the inspector may read from. Nothing outside the configured list is ever contacted:
 * not an image on another registry, not a redirect, not a token realm (see `docs/images.md`).
 *
 * @public
 */
export interface RegistryConfig {
  /** Host as image references name it, with the port when there is one (`ghcr.io`, `127.0.0.1:5000`). */
  host: string;
  /** Basic credentials; sent to the registry (basic challenge) or to its token realm (bearer challenge). */
  username?: string;
  password?: string;
  /** A bearer token sent as is, for registries that issue long-lived tokens. */
  token?: string;
  /** Plain HTTP; only accepted for loopback hosts (tests, the demo's local registry). */
  insecure?: boolean;
  /**
   * Other hosts this registry sends us to: its token realm when it is not the registry itself
   * (`auth.docker.io`) and the storage its blob redirects point at. Credentials are sent to a
   * realm host only when the realm asks; never to a redirect target.
   */
  trustedHosts?: string[];
}

/** Docker Hub is written `docker.io` in references but served from `registry-1.docker.io`. */
const DOCKER_HUB_ALIASES = [
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
];

/** The token realm and blob storage Docker Hub uses, trusted when Docker Hub itself is configured. */
const DOCKER_HUB_TRUSTED_HOSTS = [
  'auth.docker.io',
  'production.cloudflare.docker.com',
];

/** The host an image reference's registry is served from. */
export function apiHostOf(referenceHost: string): string {
  return DOCKER_HUB_ALIASES.includes(referenceHost.toLowerCase())
    ? 'registry-1.docker.io'
    : referenceHost.toLowerCase();
}

/** The configured registry serving `referenceHost`, if any. @public */
export function findRegistry(
  registries: readonly RegistryConfig[],
  referenceHost: string,
): RegistryConfig | undefined {
  const apiHost = apiHostOf(referenceHost);
  return registries.find(registry => apiHostOf(registry.host) === apiHost);
}

/** Hosts the registry may send us to (its realm, its blob storage), besides itself. */
export function trustedHostsOf(registry: RegistryConfig): string[] {
  const dockerHub = apiHostOf(registry.host) === 'registry-1.docker.io';
  return [
    apiHostOf(registry.host),
    ...(registry.trustedHosts ?? []).map(host => host.toLowerCase()),
    ...(dockerHub ? DOCKER_HUB_TRUSTED_HOSTS : []),
  ];
}

/** Plain HTTP only for loopback registries: credentials must not cross a network in clear. */
export function baseUrlOf(registry: RegistryConfig): string {
  const apiHost = apiHostOf(registry.host);
  const hostname = apiHost.replace(/:\d+$/, '');
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  return `${registry.insecure && loopback ? 'http' : 'https'}://${apiHost}`;
}
