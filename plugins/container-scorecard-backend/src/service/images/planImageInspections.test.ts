import { planImageInspections } from './planImageInspections';

describe('planImageInspections', () => {
  const registries = [
    { host: 'docker.io' },
    { host: '127.0.0.1:5000', insecure: true },
  ];

  it('sends no registry what it cannot or must not be asked, each with its reason', () => {
    const plan = planImageInspections(
      [
        { reference: 'node:22', usedBy: ['dockerfile'] },
        { reference: '${IMAGE}', usedBy: ['compose'] },
        { reference: 'ghcr.io/acme/api:1', usedBy: ['kubernetes'] },
        { reference: 'Bad/Name:1', usedBy: ['annotation'] },
        { reference: '127.0.0.1:5000/team/api:2', usedBy: ['kubernetes'] },
      ],
      { registries, maxImagesPerEntity: 20 },
    );
    expect(plan.toInspect.map(i => i.reference)).toEqual([
      'node:22',
      '127.0.0.1:5000/team/api:2',
    ]);
    expect(plan.notInspected).toEqual([
      {
        reference: '${IMAGE}',
        reason: '"${IMAGE}" is not a literal image reference',
      },
      {
        reference: 'ghcr.io/acme/api:1',
        reason: 'ghcr.io is not a configured registry',
      },
      {
        reference: 'Bad/Name:1',
        reason: '"Bad/Name:1" has an invalid repository name',
      },
    ]);
  });

  it('inspects the first maxImagesPerEntity inspectable images and names the limit for the rest', () => {
    const plan = planImageInspections(
      [
        { reference: '${SKIPPED}', usedBy: ['compose'] },
        { reference: 'a:1', usedBy: ['compose'] },
        { reference: 'b:1', usedBy: ['compose'] },
        { reference: 'c:1', usedBy: ['compose'] },
      ],
      { registries, maxImagesPerEntity: 2 },
    );
    expect(plan.toInspect.map(i => i.reference)).toEqual(['a:1', 'b:1']);
    expect(plan.notInspected[1]).toEqual({
      reference: 'c:1',
      reason: 'more than 2 images (images.limits.maxImagesPerEntity)',
    });
  });
});
