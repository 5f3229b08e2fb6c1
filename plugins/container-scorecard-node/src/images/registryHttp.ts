import { InspectionError } from './inspectionError';
import type { ImageInspectionLimits } from './limits';
import { basicAuthorization, parseAuthChallenge } from './registryAuth';
import { RegistryConfig, baseUrlOf, trustedHostsOf } from './registryConfig';

/** A registry's answer, its body read up to the limit the caller gave. */
export interface RegistryResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface RegistryRequest {
  /** Path under the registry (`/v2/library/node/manifests/22`). */
  path: string;
  method?: 'GET' | 'HEAD';
  accept?: string;
  /** The repository, for the token scope (`repository:<name>:pull`). */
  repository: string;
  /** Bodies larger than this are refused; `what` names them in the reason. */
  maxBytes: number;
  what: string;
}

const MAX_REDIRECTS = 3;

/**
 * HTTP to one configured registry: bearer and basic challenges, `Retry-After`, redirects only to
 * the registry's trusted hosts, bodies bounded while they stream. One instance per registry and
 * inspector, so bearer tokens are reused across the images of a scan.
 */
export class RegistryHttp {
  private readonly tokens = new Map<string, string>();
  private readonly baseUrl: string;
  private readonly trusted: string[];

  constructor(
    private readonly registry: RegistryConfig,
    private readonly limits: ImageInspectionLimits,
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms)),
  ) {
    this.baseUrl = baseUrlOf(registry);
    this.trusted = trustedHostsOf(registry);
  }

  async request(request: RegistryRequest): Promise<RegistryResponse> {
    const scope = `repository:${request.repository}:pull`;
    let response = await this.send(request, this.authorizationFor(scope));
    if (response.status === 401) {
      const authorization = await this.answerChallenge(response, scope);
      response = await this.send(request, authorization);
      if (response.status === 401) {
        throw new InspectionError(
          `${this.registry.host} refused the credentials (401) for ${request.repository}`,
        );
      }
    }
    return response;
  }

  private authorizationFor(scope: string): string | undefined {
    if (this.registry.token) return `Bearer ${this.registry.token}`;
    const token = this.tokens.get(scope);
    return token ? `Bearer ${token}` : undefined;
  }

  private async answerChallenge(
    response: RegistryResponse,
    scope: string,
  ): Promise<string> {
    const challenge = parseAuthChallenge(
      response.headers.get('www-authenticate') ?? '',
    );
    const { username, password } = this.registry;
    if (challenge?.scheme === 'basic') {
      if (username === undefined || password === undefined) {
        throw new InspectionError(
          `${this.registry.host} requires credentials (basic) and none are configured`,
        );
      }
      return basicAuthorization(username, password);
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
      throw new InspectionError(
        `${this.registry.host} answered 401 without a usable challenge`,
      );
    }
    const token = await this.fetchToken(
      challenge.params.realm,
      challenge.params.service,
      challenge.params.scope ?? scope,
    );
    this.tokens.set(scope, token);
    return `Bearer ${token}`;
  }

  /** The anonymous or credentialed token flow Docker Hub, GHCR and Quay use. */
  private async fetchToken(
    realm: string,
    service: string | undefined,
    scope: string,
  ): Promise<string> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new InspectionError(
        `${this.registry.host} named an invalid token realm`,
      );
    }
    this.assertTrusted(url, 'token realm');
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const headers: Record<string, string> = {};
    const { username, password } = this.registry;
    if (username !== undefined && password !== undefined) {
      headers.authorization = basicAuthorization(username, password);
    }
    const response = await this.fetchWithRetries(url, headers, 'GET');
    const body = await readBounded(response, 64 * 1024, 'token response');
    if (!response.ok) {
      throw new InspectionError(
        `the token service of ${this.registry.host} answered ${response.status}`,
      );
    }
    let parsed: { token?: unknown; access_token?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new InspectionError(
        `the token service of ${this.registry.host} answered malformed JSON`,
      );
    }
    const token = parsed.token ?? parsed.access_token;
    if (typeof token !== 'string' || !token) {
      throw new InspectionError(
        `the token service of ${this.registry.host} gave no token`,
      );
    }
    return token;
  }

  private async send(
    request: RegistryRequest,
    authorization: string | undefined,
  ): Promise<RegistryResponse> {
    let url = new URL(request.path, this.baseUrl);
    const method = request.method ?? 'GET';
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = {};
      if (request.accept) headers.accept = request.accept;
      // Credentials go to the registry only, never to the storage a redirect points at.
      if (authorization && url.host === new URL(this.baseUrl).host) {
        headers.authorization = authorization;
      }
      const response = await this.fetchWithRetries(url, headers, method);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        this.assertTrusted(url, 'redirect');
        continue;
      }
      const body =
        method === 'HEAD'
          ? Buffer.alloc(0)
          : await readBounded(response, request.maxBytes, request.what);
      return { status: response.status, headers: response.headers, body };
    }
    throw new InspectionError(
      `${this.registry.host} redirected more than ${MAX_REDIRECTS} times`,
    );
  }

  private assertTrusted(url: URL, what: string) {
    if (!this.trusted.includes(url.host.toLowerCase())) {
      throw new InspectionError(
        `${this.registry.host} pointed to ${url.host} (${what}), which is not a configured registry host`,
      );
    }
    if (url.protocol !== 'https:' && !this.baseUrl.startsWith('http:')) {
      throw new InspectionError(
        `${this.registry.host} pointed to plain HTTP (${what})`,
      );
    }
  }

  private async fetchWithRetries(
    url: URL,
    headers: Record<string, string>,
    method: string,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.limits.requestTimeoutMs),
        });
      } catch (error) {
        throw new InspectionError(
          `${url.host} could not be reached: ${describeFetchError(error)}`,
        );
      }
      if (response.status !== 429 && response.status !== 503) return response;
      await response.body?.cancel();
      const waitSeconds = retryAfterSeconds(
        response.headers.get('retry-after'),
      );
      const label =
        response.status === 429 ? 'rate limited' : 'unavailable (503)';
      if (attempt >= this.limits.maxRetries) {
        throw new InspectionError(
          `${url.host} is ${label}; gave up after ${attempt + 1} attempts`,
        );
      }
      if (waitSeconds > this.limits.maxRetryAfterSeconds) {
        throw new InspectionError(
          `${url.host} is ${label} and asks to retry after ${waitSeconds}s (more than the ${this.limits.maxRetryAfterSeconds}s we wait)`,
        );
      }
      await this.sleep(waitSeconds * 1000);
    }
  }
}

/** `Retry-After` as seconds or an HTTP date; 1s when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number {
  if (!header) return 1;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date)
    ? 1
    : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Reads a body, refusing it as soon as it passes `maxBytes` and noticing a truncated one. */
async function readBounded(
  response: Response,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    // Not awaited: a server that keeps sending must not hold the refusal up.
    response.body?.cancel().catch(() => undefined);
    throw new InspectionError(
      `the ${what} is ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true };
      if (done || !value) break;
      total += value.length;
      if (total > maxBytes) {
        // Not awaited: the rest is never downloaded, and a server that keeps sending must not
        // hold the refusal up.
        reader?.cancel().catch(() => undefined);
        throw new InspectionError(
          `the ${what} is over the ${maxBytes}-byte limit`,
        );
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof InspectionError) throw error;
    throw new InspectionError(
      `the ${what} could not be read: ${describeFetchError(error)}`,
    );
  }
  if (!Number.isNaN(declared) && total < declared) {
    throw new InspectionError(
      `the ${what} was truncated (${total} of ${declared} bytes)`,
    );
  }
  return Buffer.concat(chunks);
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
