/*
 * A synthetic organisation of 10,000 services in 200 teams, answering the backend's routes the
 * way the backend does: filtering, sorting and paging happen here, on the "server", over the
 * full list, so the benchmark pays for the real payload sizes.
 */

const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export interface SyntheticService {
  entityRef: string;
  title: string;
  owner: string;
  status: 'analysed';
  score: number;
  grade: (typeof GRADES)[number];
  trend: number;
  worstRule: { ruleId: string; severity: string; count: number };
  counts: Record<(typeof SEVERITIES)[number], number>;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  return (a as number) < (b as number) ? -1 : 1;
}

function gradeOf(score: number) {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}

export function createSyntheticOrganisation(
  serviceCount = 10_000,
  teamCount = 200,
) {
  const services: SyntheticService[] = Array.from(
    { length: serviceCount },
    (_, i) => {
      const score = (i * 7919) % 101;
      return {
        entityRef: `component:default/service-${i}`,
        title: `Service ${i}`,
        owner: `group:default/team-${i % teamCount}`,
        status: 'analysed',
        score,
        grade: gradeOf(score),
        trend: (i % 21) - 10,
        worstRule: {
          ruleId: `rule-${i % 60}`,
          severity: SEVERITIES[i % 5],
          count: 1 + (i % 4),
        },
        counts: {
          critical: i % 2,
          high: i % 3,
          medium: i % 5,
          low: i % 7,
          info: 0,
        },
      };
    },
  );
  const days = Array.from({ length: 90 }, (_, i) =>
    new Date(Date.UTC(2026, 7, 24) + i * 86_400_000).toISOString().slice(0, 10),
  );
  const trend = days.map((day, i) => ({ day, score: 50 + (i % 30) / 3 }));

  function teamScorecard(team: string, params: URLSearchParams) {
    const limit = Number(params.get('limit') ?? 50);
    const offset = Number(params.get('offset') ?? 0);
    const q = (params.get('q') ?? '').toLowerCase();
    const grades = (params.get('grade') ?? '').split(',').filter(Boolean);
    const sort = (params.get('sort') ?? 'name') as keyof SyntheticService;
    const direction = params.get('order') === 'desc' ? -1 : 1;
    // A team at the top of the organisation owns everything, the worst case for paging.
    const owned =
      team === 'everyone'
        ? services
        : services.filter(s => s.owner === `group:default/${team}`);
    const matching = owned
      .filter(
        s =>
          !q ||
          s.title.toLowerCase().includes(q) ||
          s.worstRule.ruleId.includes(q),
      )
      .filter(s => grades.length === 0 || grades.includes(s.grade))
      .sort((a, b) => compare(a[sort], b[sort]) * direction);
    return {
      teamRef: `group:default/${team}`,
      title: team,
      score: 61,
      grade: 'C',
      serviceCount: owned.length,
      analysedCount: owned.length,
      services: {
        items: matching.slice(offset, offset + limit),
        totalCount: matching.length,
        offset,
        limit,
      },
      trend,
    };
  }

  function report(params: URLSearchParams) {
    const periodDays = Number(params.get('days') ?? 90);
    const teams = Array.from({ length: teamCount }, (_, t) => ({
      teamRef: `group:default/team-${t}`,
      title: `Team ${t}`,
      score: 100 - (t % 100),
      grade: gradeOf(100 - (t % 100)),
      delta: (t % 11) - 5,
      serviceCount: serviceCount / teamCount,
      analysedCount: serviceCount / teamCount,
    }));
    const byTrend = [...services].sort((a, b) => b.trend - a.trend);
    const mover = (s: SyntheticService) => ({
      entityRef: s.entityRef,
      title: s.title,
      owner: s.owner,
      from: s.score - s.trend,
      to: s.score,
      delta: s.trend,
    });
    return {
      periodDays,
      generatedAt: new Date().toISOString(),
      score: 61,
      grade: 'C',
      trend: trend.slice(-periodDays),
      teams,
      movers: {
        improved: byTrend.slice(0, 10).map(mover),
        regressed: byTrend.slice(-10).map(mover),
      },
      topFailingRules: Array.from({ length: 10 }, (_, r) => ({
        ruleId: `rule-${r}`,
        title: `Rule ${r}`,
        pillar: 'immutable',
        severity: SEVERITIES[r % 5],
        findings: 5000 - r * 300,
        services: 3000 - r * 200,
      })),
      coverage: {
        services: serviceCount,
        analysed: serviceCount,
        noDefinitions: 0,
        couldNotAnalyse: 0,
        notScanned: 0,
      },
    };
  }

  return { teamScorecard, report };
}
