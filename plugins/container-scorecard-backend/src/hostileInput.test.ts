import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  EntityScorecard,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import {
  HOSTILE_TEAM,
  writeHostileRepositories,
} from './__testUtils__/hostileRepositories';
import { createTestDatabases } from './__testUtils__/testDatabases';

/*
 * The hostile-repository suite: every repository of __testUtils__/hostileRepositories scanned
 * through the real plugin in a real backend, on SQLite and PostgreSQL, with limits lowered so
 * the small test sizes reach them. Each repository must end in a truthful state: scored,
 * partial with the limit named, or could-not-analyse with a specific reason; never a crash,
 * never a silent skip, never a score for junk. Timing is bench:hostile's job, not this suite's.
 */

jest.setTimeout(180_000);

const API = '/api/container-scorecard';
const databases = createTestDatabases();
const auth = { Authorization: mockCredentials.user.header() };

const LIMITS = {
  maxFileBytes: 200_000,
  maxRepositoryFiles: 500,
  maxEntityBytes: 100_000,
  maxFindingsPerRule: 50,
  maxYamlDocuments: 20,
  maxDockerfileInstructions: 3_000,
};

function fileOf(scorecard: EntityScorecard, path: string): FileScorecard {
  const file = scorecard.files.find(f => f.path === path);
  if (!file) {
    throw new Error(
      `No file ${path} in ${scorecard.entityRef}: ${scorecard.files
        .map(f => f.path)
        .join(', ')}`,
    );
  }
  return file;
}

const limitsOf = (item: { partial?: { limit: string }[] }) =>
  (item.partial ?? []).map(p => p.limit);

describe.each(databases.eachSupportedId())(
  'hostile repositories on %p',
  databaseId => {
    let root: string;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    const scorecards = new Map<string, { status: number; body: any }>();

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'hostile-'));
      const entities = writeHostileRepositories(root, 'test');
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          containerScorecardPlugin,
          catalogServiceMock.factory({ entities: [...entities, HOSTILE_TEAM] }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              containerScorecard: {
                localRoots: [root],
                limits: LIMITS,
                analysis: { workers: 1 },
              },
            },
          }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        ],
      }));
      // One at a time: the suite checks outcomes, and a rescan answers with the stored result.
      for (const entity of entities) {
        const response = await request(server)
          .post(
            `${API}/entities/component/default/${entity.metadata.name}/rescan`,
          )
          .set(auth);
        scorecards.set(entity.metadata.name, {
          status: response.status,
          body: response.body,
        });
      }
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const scorecardOf = (name: string): EntityScorecard => {
      const entry = scorecards.get(name)!;
      expect(entry.status).toBe(200);
      return entry.body;
    };

    it('keeps the backend answering after every hostile scan', async () => {
      const response = await request(server).get(`${API}/health`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', database: 'ok' });
    });

    it('refuses a 5,000-instruction Dockerfile before parsing it, and still scores its ordinary sibling', () => {
      const scorecard = scorecardOf('long-dockerfile');
      expect(scorecard.status).toBe('analysed');
      expect(fileOf(scorecard, 'web/Dockerfile').status).toBe('analysed');
      const long = fileOf(scorecard, 'Dockerfile');
      expect(long.status).toBe('could-not-analyse');
      expect(long.error).toMatch(
        /more than 3000 instructions \(limits.maxDockerfileInstructions\)/,
      );
      expect(long.score).toBeUndefined();
    });

    it('scores one RUN of 2,000 chained commands', () => {
      const scorecard = scorecardOf('long-and-chain');
      expect(scorecard.status).toBe('analysed');
      expect(fileOf(scorecard, 'Dockerfile').status).toBe('analysed');
    });

    it('answers a 1,000-service compose file with a bounded page of findings and the true total', async () => {
      const entry = scorecards.get('huge-compose')!;
      expect(entry.status).toBe(200);
      const file = fileOf(entry.body, 'compose.yaml');
      expect(file.status).toBe('analysed');
      expect(file.score).toBe(0);
      expect(limitsOf(file)).toContain('findings-per-rule');
      expect(file.findingsTotal).toBeGreaterThan(file.findings.length);
      expect(JSON.stringify(entry.body).length).toBeLessThan(500_000);
      // Every stored finding, paged: each rule is listed up to the limit, no further.
      const page = await request(server)
        .get(
          `${API}/entities/component/default/huge-compose/findings?path=compose.yaml&limit=1000`,
        )
        .set(auth);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(file.findingsTotal);
      const perRule = new Map<string, number>();
      for (const finding of page.body.items) {
        perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
      }
      expect(new Set(perRule.values())).toEqual(
        new Set([LIMITS.maxFindingsPerRule]),
      );
    });

    it('finds the root Dockerfile of a repository with more entries than the limit, and says the scan is partial', () => {
      const scorecard = scorecardOf('many-files');
      expect(scorecard.status).toBe('analysed');
      expect(fileOf(scorecard, 'Dockerfile').status).toBe('analysed');
      expect(limitsOf(scorecard)).toContain('repository-files');
    });

    it('reports an install manifest over the size limit as too large, not as nothing', () => {
      const scorecard = scorecardOf('oversized-manifest');
      const file = fileOf(scorecard, 'install.yaml');
      expect(file.status).toBe('could-not-analyse');
      expect(file.error).toMatch(/200000|200,000|limit/);
      expect(scorecard.status).toBe('could-not-analyse');
      expect(scorecard.score).toBeUndefined();
    });

    it('analyses the first documents of a long multi-document file and names what it left out', () => {
      const file = fileOf(scorecardOf('many-documents'), 'workloads.yaml');
      expect(file.status).toBe('analysed');
      const notice = file.partial?.find(p => p.limit === 'yaml-documents');
      expect(notice?.omitted).toBe(10);
    });

    it('stops reading at the entity byte budget and says how many files it did not read', () => {
      const scorecard = scorecardOf('entity-bytes');
      const notice = scorecard.partial?.find(p => p.limit === 'entity-bytes');
      expect(notice?.omitted).toBeGreaterThan(0);
      const read = scorecard.files.filter(f => f.status === 'analysed');
      expect(read.length).toBeGreaterThan(0);
      expect(read.length + notice!.omitted).toBe(12);
    });

    it('never scores junk named like a definition', () => {
      const scorecard = scorecardOf('junk-definitions');
      expect(scorecard.status).toBe('could-not-analyse');
      expect(scorecard.score).toBeUndefined();
      for (const path of [
        'Dockerfile',
        'Containerfile',
        'docker-compose.yml',
      ]) {
        const file = fileOf(scorecard, path);
        expect(file.status).toBe('could-not-analyse');
        expect(file.error).toMatch(/not-a-definition/);
        expect(file.score).toBeUndefined();
      }
    });

    it('names the reason for binary content, an alias bomb and absurd nesting', () => {
      const scorecard = scorecardOf('binary-and-bombs');
      expect(fileOf(scorecard, 'Dockerfile').error).toMatch(/binary/);
      expect(fileOf(scorecard, 'compose.yaml').error).toMatch(/alias/);
      expect(fileOf(scorecard, 'deploy.yaml').error).toMatch(/deep|nest/i);
      expect(scorecard.score).toBeUndefined();
    });

    it('refuses path globs that would backtrack or expand without bound', () => {
      for (const name of ['backtracking-glob', 'brace-bomb-glob']) {
        const scorecard = scorecardOf(name);
        expect(scorecard.status).toBe('could-not-analyse');
        expect(scorecard.error).toMatch(/not allowed/);
      }
    });

    it('does not read a Dockerfile that links outside the allowed directories', () => {
      const scorecard = scorecardOf('escaping-link');
      expect(JSON.stringify(scorecard)).not.toContain(
        readFileSync('/etc/passwd', 'utf8').split('\n')[0],
      );
      expect(scorecard.status).toBe('could-not-analyse');
      expect(scorecard.score).toBeUndefined();
      expect(fileOf(scorecard, 'Dockerfile').error).toMatch(
        /symbolic link that leads outside/,
      );
    });

    it('stores and serves an entity whose title is 1,000 characters long', async () => {
      const scorecard = scorecardOf('long-title');
      expect(scorecard.status).toBe('analysed');
      const team = await request(server)
        .get(`${API}/teams/default/hostile-team/scorecard?limit=100`)
        .set(auth);
      expect(team.status).toBe(200);
      const row = team.body.services.items.find(
        (s: { entityRef: string }) =>
          s.entityRef === 'component:default/long-title',
      );
      expect(row.title).toBe('T'.repeat(1000));
    });
  },
);
