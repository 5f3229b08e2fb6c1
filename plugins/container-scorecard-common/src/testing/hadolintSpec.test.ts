import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  wrapRunsInOnbuild,
  type HadolintCase,
} from './hadolintSpec';

describe('hadolint spec helpers', () => {
  it('wraps every RUN in ONBUILD, as hadolint wrapInOnBuild does', () => {
    expect(
      wrapRunsInOnbuild(
        ['FROM debian:12', 'RUN a \\', '  && b', 'COPY x y', 'RUN\tc'].join(
          '\n',
        ),
      ),
    ).toBe(
      [
        'FROM debian:12',
        'ONBUILD RUN a \\',
        '  && b',
        'COPY x y',
        'ONBUILD RUN\tc',
      ].join('\n'),
    );
  });

  it('reads the expectations as hadolint helpers do', async () => {
    const twice = 'RUN sudo a && sudo b';
    expect(await agreesWithHadolint('sudo-in-run', twice, 'catches')).toBe(
      true,
    );
    // onBuildRuleCatches wants exactly one failure.
    expect(
      await agreesWithHadolint('sudo-in-run', twice, 'onBuildCatches'),
    ).toBe(false);
    expect(await agreesWithHadolint('sudo-in-run', twice, 'catchesNot')).toBe(
      false,
    );
    expect(
      await agreesWithHadolint('sudo-in-run', 'RUN a', 'onBuildCatchesNot'),
    ).toBe(true);
  });

  it('counts deliberate differences out of the agreed figure', () => {
    const cases: HadolintCase[] = [
      {
        name: 'a',
        dockerfile: 'RUN a',
        hadolint: ['catches', 'onBuildCatches'],
      },
      {
        name: 'b',
        dockerfile: 'RUN b',
        hadolint: ['catchesNot', 'onBuildCatchesNot'],
        differs: { catchesNot: 'reason' },
      },
    ];
    expect(hadolintAgreement(cases)).toEqual({ agreed: 3, total: 4 });
    expect(hadolintSpecRows(cases).map(r => [r.title, r.agree])).toEqual([
      ['a (catches)', true],
      ['a (onBuildCatches)', true],
      ['b (catchesNot)', false],
      ['b (onBuildCatchesNot)', true],
    ]);
  });
});
