import { mockServices } from '@backstage/backend-test-utils';
import type { FileScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { withFileErrors } from '../service/reports/toCsv';
import type { ServiceRow } from '../service/reports/serviceSummaries';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

function file(path: string, error?: string): FileScorecard {
  return error
    ? {
        path,
        kind: 'dockerfile',
        status: 'could-not-analyse',
        error,
        counts: zero,
        findings: [],
      }
    : {
        path,
        kind: 'dockerfile',
        status: 'analysed',
        score: 90,
        grade: 'A',
        counts: zero,
        findings: [],
      };
}

async function save(
  store: ScorecardStore,
  name: string,
  files: FileScorecard[],
) {
  await store.saveResult({
    entityRef: `component:default/${name}`,
    status: files.some(f => !f.error) ? 'analysed' : 'could-not-analyse',
    analysedAt: new Date('2026-12-01T10:00:00Z'),
    rulesetVersion: '1',
    counts: zero,
    files,
    sourceKey: `url:https://github.example/acme/${name}|`,
  });
}

function row(name: string): ServiceRow {
  return {
    entityRef: `component:default/${name}`,
    owner: 'group:default/team-a',
    status: 'could-not-analyse',
    counts: zero,
  };
}

describe('ScorecardStore: reasons of the files that could not be analysed', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'lists every failed file of many entities in file order, in few queries, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      await save(store, 'broken', [
        file('b/Dockerfile', 'unterminated heredoc'),
        file('ok/Dockerfile'),
        file('a/compose.yaml', 'YAML: bad indentation'),
      ]);
      await save(store, 'healthy', [file('Dockerfile')]);
      // More entities than one chunk of refs (2,000) holds, the last of them failed.
      const many = Array.from({ length: 2_050 }, (_, i) => `svc-${i}`);
      await save(store, many[2_049], [file('Dockerfile', 'binary content')]);

      let queries = 0;
      const count = () => {
        queries += 1;
      };
      knex.on('query', count);
      const errors = await store.listFileErrors([
        'component:default/broken',
        'component:default/healthy',
        'component:default/never-scanned',
        ...many.map(name => `component:default/${name}`),
      ]);
      knex.off('query', count);

      expect(errors.get('component:default/broken')).toEqual([
        { path: 'b/Dockerfile', error: 'unterminated heredoc' },
        { path: 'a/compose.yaml', error: 'YAML: bad indentation' },
      ]);
      expect(errors.get('component:default/svc-2049')).toEqual([
        { path: 'Dockerfile', error: 'binary content' },
      ]);
      expect(errors.has('component:default/healthy')).toBe(false);
      expect(errors.has('component:default/never-scanned')).toBe(false);
      expect(errors.size).toBe(2);
      expect(queries).toBe(2); // two chunks of refs, not one query per entity
      expect(await store.listFileErrors([])).toEqual(new Map());

      // The CSV export's rows take their reasons from it; a row without one says so.
      const rows = [row('broken'), row('never-scanned'), row('svc-2049')];
      const kept = { ...row('healthy'), error: 'Rate limited (429)' };
      await withFileErrors(store, [...rows, kept]);
      expect(rows.map(r => r.error)).toEqual([
        'b/Dockerfile: unterminated heredoc; a/compose.yaml: YAML: bad indentation',
        'Could not analyse (no reason recorded)',
        'Dockerfile: binary content',
      ]);
      expect(kept.error).toBe('Rate limited (429)');
    },
  );
});
