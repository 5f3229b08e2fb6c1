import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { LoggerService } from '@backstage/backend-plugin-api';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { delay, http, HttpResponse } from 'msw';

/** A repository as the fake GitHub serves it. */
export interface FakeRepo {
  sha: string;
  files: Record<string, string>;
}

/** A canned failure: answered instead of the real response, once per entry. */
export interface Fault {
  /** Answer with this status; without one, answer normally after `delayMs`. */
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

/**
 * GitHub's REST API as Backstage's GitHub reader uses it (commit status, then the tarball),
 * answered by msw at the network edge: the reader, its tar extraction and its error handling
 * are the real ones.
 */
export class FakeGithub {
  readonly repos = new Map<string, FakeRepo>();
  /** Failures to answer, per "owner/repo", before the real answers resume. */
  readonly faults = new Map<string, Fault[]>();
  readonly requests = { status: 0, tarball: 0 };
  private readonly tarballs = new Map<string, Buffer>();

  handlers() {
    return [
      http.get(
        'https://api.github.com/repos/:owner/:repo/commits/:ref/status',
        async ({ params }) => {
          this.requests.status += 1;
          const name = `${params.owner}/${params.repo}`;
          const fault = this.faults.get(name)?.shift();
          if (fault?.delayMs) await delay(fault.delayMs);
          if (fault?.status) {
            return new HttpResponse(JSON.stringify({ message: 'fault' }), {
              status: fault.status,
              headers: fault.headers,
            });
          }
          const repo = this.repos.get(name);
          if (!repo) {
            return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
          }
          return HttpResponse.json({
            sha: repo.sha,
            repository: {
              archive_url: `https://api.github.com/repos/${name}/{archive_format}{/ref}`,
            },
          });
        },
      ),
      http.get(
        'https://api.github.com/repos/:owner/:repo/tarball/:sha',
        ({ params }) => {
          this.requests.tarball += 1;
          const name = `${params.owner}/${params.repo}`;
          const repo = this.repos.get(name);
          if (!repo || repo.sha !== params.sha) {
            return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
          }
          return new HttpResponse(this.tarballOf(name, repo), {
            headers: { 'Content-Type': 'application/x-gzip' },
          });
        },
      ),
    ];
  }

  /**
   * A tarball laid out as GitHub's: everything under one top directory (which readers strip).
   * Built once per distinct content, so thousands of look-alike repositories stay cheap.
   */
  private tarballOf(name: string, repo: FakeRepo): Buffer {
    const key = JSON.stringify(Object.entries(repo.files).sort());
    const cached = this.tarballs.get(key);
    if (cached) return cached;
    const dir = mkdtempSync(join(tmpdir(), 'fake-github-'));
    const top = `${name.replace('/', '-')}-${repo.sha}`;
    try {
      for (const [path, content] of Object.entries(repo.files)) {
        const file = join(dir, top, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      mkdirSync(join(dir, top), { recursive: true });
      const tarball = execFileSync('tar', ['-czf', '-', '-C', dir, top]);
      this.tarballs.set(key, tarball);
      return tarball;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Backstage's real URL readers, with a GitHub integration that talks to the fake. */
export function createGithubUrlReader(
  logger: LoggerService = mockServices.rootLogger({ level: 'error' }),
) {
  return UrlReaders.default({
    config: mockServices.rootConfig({
      data: {
        integrations: { github: [{ host: 'github.com', token: 'test-token' }] },
      },
    }),
    logger,
  });
}
