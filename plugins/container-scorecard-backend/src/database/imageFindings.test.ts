import { mockServices } from '@backstage/backend-test-utils';
import type {
  Finding,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import {
  noFindings,
  storedResult,
  unreachableImage as failed,
} from '../__testUtils__/storedResult';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import type { EntityResultInput } from './types';

jest.setTimeout(60_000);

function finding(ruleId: string, reference: string): Finding {
  return {
    ruleId,
    severity: 'medium',
    message: `${ruleId} on ${reference}`,
    path: reference,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    snippet: 'User: ""',
    penalty: 10,
  };
}

function inspected(reference: string, ruleIds: string[]): ImageResult {
  return {
    reference,
    usedBy: ['dockerfile'],
    status: 'inspected',
    digest: `sha256:${'1'.repeat(64)}`,
    score: 80,
    findings: ruleIds.map(ruleId => finding(ruleId, reference)),
    counts: { ...noFindings, medium: ruleIds.length },
  };
}

function result(
  entityRef: string,
  results: ImageResult[],
  notInspected: { reference: string; reason: string }[] = [],
): EntityResultInput {
  return storedResult(entityRef, {
    images: {
      inspectedAt: new Date('2026-12-01T10:00:05Z'),
      results,
      notInspected,
    },
  });
}

describe('ScorecardStore: the findings of stored images, as the reports list them', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'lists the findings of inspected images of the asked entities only, in image order, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const a = 'component:default/a';
      const b = 'component:default/b';
      const hidden = 'component:default/hidden';
      await store.saveResult(
        result(
          a,
          [inspected('registry.test/a:1', ['image-runs-as-root']), failed],
          [{ reference: '${IMAGE}', reason: 'not a literal reference' }],
        ),
      );
      await store.saveResult(
        result(b, [
          inspected('registry.test/b:1', ['image-too-old', 'image-not-signed']),
          inspected('registry.test/b-sidecar:1', ['image-not-signed']),
        ]),
      );
      await store.saveResult(
        result(hidden, [
          inspected('registry.test/h:1', ['image-runs-as-root']),
        ]),
      );

      const listed = await store.images.findingsOf([b, a]);
      expect(
        listed.map(f => [f.entityRef, f.reference, f.finding.ruleId]),
      ).toEqual([
        [a, 'registry.test/a:1', 'image-runs-as-root'],
        [b, 'registry.test/b:1', 'image-too-old'],
        [b, 'registry.test/b:1', 'image-not-signed'],
        [b, 'registry.test/b-sidecar:1', 'image-not-signed'],
      ]);
      expect(listed[0].finding).toEqual(
        finding('image-runs-as-root', 'registry.test/a:1'),
      );
      expect(await store.images.findingsOf([])).toEqual([]);

      // A newer result whose image could not be inspected: its old findings are gone.
      await store.saveResult(result(a, [failed]));
      expect(
        (await store.images.findingsOf([a, b])).map(f => f.entityRef),
      ).toEqual([b, b, b]);
    },
  );
});
