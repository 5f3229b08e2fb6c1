import {
  fixPreviewOf,
  type ApiFinding,
  type ApiGrade,
  type EntityHistory,
  type EntityScorecard,
  type OrganisationReport,
  type RuleCatalogue,
  type ServiceSummary,
  type SeverityCounts,
  type TeamScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';

/*
 * Responses shaped like the backend's OpenAPI spec, for component tests and the benchmark.
 * They follow the demo catalog (examples/README.md) so a test reads like the product.
 */

/** Severity counts with every severity at zero unless given. */
export function counts(partial: Partial<SeverityCounts> = {}): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...partial };
}

/** A scorecard with one Dockerfile: an open finding with a fix, one without, one suppressed. */
export const analysedScorecard: EntityScorecard = {
  entityRef: 'component:default/checkout-api',
  status: 'analysed',
  analysedAt: '2026-11-22T08:00:00Z',
  lastAttemptAt: '2026-11-22T08:00:00Z',
  rulesetVersion: '1.0.0+abc123',
  score: 72,
  grade: 'C',
  pillarScores: { immutable: 60, 'least-privilege': 100, lifecycle: 55 },
  counts: counts({ high: 1, medium: 1 }),
  files: [
    {
      path: 'Dockerfile',
      kind: 'dockerfile',
      status: 'analysed',
      score: 72,
      grade: 'C',
      pillarScores: { immutable: 60, 'least-privilege': 100, lifecycle: 55 },
      counts: counts({ high: 1, medium: 1 }),
      url: 'https://scm.example/northwind/checkout-api/blob/main/Dockerfile',
      findings: [
        {
          ruleId: 'base-image-pinned',
          pillar: 'immutable',
          severity: 'high',
          message: 'The base image node:20 is not pinned by digest.',
          path: 'Dockerfile',
          range: {
            start: { line: 1, column: 6 },
            end: { line: 1, column: 13 },
          },
          snippet: 'node:20',
          fix: {
            description: 'Use the slim variant',
            edits: [
              {
                range: {
                  start: { line: 1, column: 6 },
                  end: { line: 1, column: 13 },
                },
                newText: 'node:20-slim',
              },
            ],
          },
        },
        {
          ruleId: 'exec-form-cmd',
          pillar: 'lifecycle',
          severity: 'medium',
          message:
            'CMD uses the shell form, so the process does not get signals.',
          path: 'Dockerfile',
          range: {
            start: { line: 9, column: 1 },
            end: { line: 9, column: 14 },
          },
          snippet: 'CMD npm start',
        },
        {
          ruleId: 'no-healthcheck',
          pillar: 'lifecycle',
          severity: 'low',
          message: 'No HEALTHCHECK.',
          path: 'Dockerfile',
          range: {
            start: { line: 9, column: 1 },
            end: { line: 9, column: 14 },
          },
          snippet: 'CMD npm start',
          suppressed: {
            source: 'inline',
            reason: 'The orchestrator probes /healthz',
            until: '2027-01-31',
          },
        },
      ],
    },
  ],
};

/** A scorecard whose last attempt failed: the reason must be shown, never a zero. */
export const couldNotAnalyseScorecard: EntityScorecard = {
  entityRef: 'component:default/nightly-ledger-export',
  status: 'could-not-analyse',
  error: 'Dockerfile: unterminated heredoc <<EOT at line 4',
  lastAttemptAt: '2026-11-22T08:00:00Z',
  counts: counts(),
  files: [
    {
      path: 'Dockerfile',
      kind: 'dockerfile',
      status: 'could-not-analyse',
      error: 'unterminated heredoc <<EOT at line 4',
      counts: counts(),
      findings: [],
    },
  ],
};

/** An entity whose repository holds no container definitions. */
export const noDefinitionsScorecard: EntityScorecard = {
  entityRef: 'component:default/delivery-estimates',
  status: 'no-definitions',
  analysedAt: '2026-11-22T08:00:00Z',
  counts: counts(),
  files: [],
};

/** An entity no scan has reached yet. */
export const notScannedScorecard: EntityScorecard = {
  entityRef: 'component:default/new-service',
  status: 'not-scanned',
  counts: counts(),
  files: [],
};

function gradeOfScore(score: number): ApiGrade {
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  return 'D';
}

/** Ninety days of a score that rises from 50 to 72. */
export function historyOf(entityRef: string, days = 90): EntityHistory {
  const start = Date.UTC(2026, 7, 24);
  return {
    entityRef,
    points: Array.from({ length: days }, (_, i) => {
      const score = Math.round(50 + (22 * i) / (days - 1));
      return {
        day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
        score,
        grade: gradeOfScore(score),
        counts: counts({ high: 1 }),
        rulesetVersion: '1.0.0+abc123',
      };
    }),
  };
}

/** The rule catalogue entries the fixtures refer to. */
export const ruleCatalogue: RuleCatalogue = {
  rulesetVersion: '1.0.0+abc123',
  rules: [
    {
      id: 'base-image-pinned',
      title: 'Base image pinned',
      pillar: 'immutable',
      severity: 'high',
      appliesTo: ['dockerfile'],
      message: 'The base image is not pinned.',
      rationale:
        'An unpinned base image changes under you: the same Dockerfile builds a different image tomorrow.',
      remediation: {
        text: 'Pin the base image by tag and digest.',
        before: 'FROM node:20',
        after: 'FROM node:20-slim@sha256:0123',
      },
      equivalents: { hadolint: 'DL3006', trivy: 'DS-0001' },
      // Trivy's page is unknown here: its id stays plain text.
      equivalentLinks: {
        hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3006',
      },
      equivalentsNote:
        'hadolint only flags a missing tag, not a missing digest.',
      fixable: true,
    },
    {
      id: 'exec-form-cmd',
      title: 'Exec-form CMD',
      pillar: 'lifecycle',
      severity: 'medium',
      appliesTo: ['dockerfile'],
      message: 'CMD uses the shell form.',
      rationale:
        'With the shell form, /bin/sh is PID 1 and does not forward SIGTERM to your process.',
      remediation: {
        before: 'CMD npm start',
        after: 'CMD ["node", "server.js"]',
      },
      equivalents: { hadolint: 'DL3025' },
      fixable: false,
    },
    {
      id: 'no-healthcheck',
      title: 'Health check declared',
      pillar: 'lifecycle',
      severity: 'low',
      appliesTo: ['dockerfile', 'compose'],
      message: 'No HEALTHCHECK.',
      rationale: 'Without a health check nobody knows the process hangs.',
      remediation: {
        before: 'CMD ["node", "server.js"]',
        after:
          'HEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]',
      },
      equivalents: {},
      fixable: false,
    },
  ],
};

/** One service row of a team scorecard. */
export function serviceSummary(
  index: number,
  owner = 'group:default/checkout',
): ServiceSummary {
  const score = (index * 37) % 101;
  const grades = ['F', 'D', 'C', 'B', 'A'] as const;
  return {
    entityRef: `component:default/service-${index}`,
    title: `Service ${index}`,
    owner,
    status: 'analysed',
    score,
    grade: grades[Math.min(4, Math.floor(score / 20))],
    trend: (index % 7) - 3,
    worstRule: { ruleId: 'base-image-pinned', severity: 'high', count: 2 },
    counts: counts({ high: 2 }),
  };
}

/** A team scorecard page as the backend would return it for `offset`/`limit`. */
export function teamScorecard(
  options: { total?: number; offset?: number; limit?: number } = {},
): TeamScorecard {
  const { total = 2, offset = 0, limit = 50 } = options;
  const count = Math.max(0, Math.min(limit, total - offset));
  return {
    teamRef: 'group:default/checkout',
    title: 'Checkout',
    score: 68,
    grade: 'C',
    serviceCount: total,
    analysedCount: total,
    services: {
      items: Array.from({ length: count }, (_, i) =>
        serviceSummary(offset + i + 1),
      ),
      totalCount: total,
      offset,
      limit,
    },
    trend: historyOf('group:default/checkout').points.map(p => ({
      day: p.day,
      score: p.score,
    })),
  };
}

/** An organisation report with every section filled. */
export const organisationReport: OrganisationReport = {
  periodDays: 90,
  generatedAt: '2026-11-22T08:00:00Z',
  score: 64,
  grade: 'C',
  trend: historyOf('group:default/northwind-logistics').points.map(p => ({
    day: p.day,
    score: p.score,
  })),
  teams: [
    {
      teamRef: 'group:default/storefront',
      title: 'Storefront',
      score: 98,
      grade: 'A',
      delta: 2,
      serviceCount: 1,
      analysedCount: 1,
    },
    {
      teamRef: 'group:default/payments',
      title: 'Payments',
      score: 21,
      grade: 'F',
      delta: -4,
      serviceCount: 2,
      analysedCount: 1,
    },
  ],
  movers: {
    improved: [
      {
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
        owner: 'group:default/checkout',
        from: 50,
        to: 72,
        delta: 22,
      },
    ],
    regressed: [
      {
        entityRef: 'component:default/metrics-gateway',
        owner: 'group:default/observability',
        from: 70,
        to: 61,
        delta: -9,
        rulesetChanged: true,
      },
    ],
  },
  topFailingRules: [
    {
      ruleId: 'base-image-pinned',
      title: 'Base image pinned',
      pillar: 'immutable',
      severity: 'high',
      findings: 14,
      services: 8,
      points: 112.5,
    },
  ],
  coverage: {
    services: 13,
    analysed: 11,
    noDefinitions: 1,
    couldNotAnalyse: 1,
    notScanned: 0,
  },
};

/**
 * legacy-billing-portal in small: 0/100 while its pillars sit at 30 or more, fixes of each kind
 * (replace, insert, delete) with their whole-line diffs computed by the engine's own function,
 * a rule that fires twice, and a next-grade plan.
 */
export const LEGACY_DOCKERFILE = [
  'FROM ubuntu:22.04',
  'RUN apt-get update',
  'RUN apt-get install -y vim telnet curl',
  'EXPOSE 22',
  'EXPOSE 8080',
  'COPY . /srv',
  'CMD /srv/start.sh',
  '',
].join('\n');

function legacyFinding(
  partial: Omit<ApiFinding, 'path' | 'snippet' | 'message'> & {
    message?: string;
    snippet?: string;
  },
): ApiFinding {
  const fix = partial.fix && {
    ...partial.fix,
    preview: fixPreviewOf(LEGACY_DOCKERFILE, partial.fix.edits),
  };
  return {
    message: `${partial.ruleId} fired`,
    snippet: LEGACY_DOCKERFILE.split('\n')[partial.range.start.line - 1],
    path: 'Dockerfile',
    ...partial,
    ...(fix ? { fix } : {}),
  };
}

const at = (line: number, column: number) => ({ line, column });

export const legacyFindings: ApiFinding[] = [
  legacyFinding({
    ruleId: 'expose-ssh-port',
    pillar: 'least-privilege',
    severity: 'high',
    message: 'EXPOSE 22 advertises an SSH server.',
    range: { start: at(4, 8), end: at(4, 10) },
    penalty: 20,
    fix: {
      edits: [{ range: { start: at(4, 1), end: at(5, 1) }, newText: '' }],
    },
  }),
  legacyFinding({
    ruleId: 'no-user-in-final-stage',
    pillar: 'least-privilege',
    severity: 'critical',
    message: 'The final stage sets no USER, so the container runs as root.',
    range: { start: at(1, 1), end: at(1, 18) },
    penalty: 40,
    fix: {
      edits: [
        { range: { start: at(7, 1), end: at(7, 1) }, newText: 'USER 10001\n' },
      ],
    },
  }),
  legacyFinding({
    ruleId: 'shell-form-cmd',
    pillar: 'lifecycle',
    severity: 'medium',
    message: 'CMD uses the shell form.',
    range: { start: at(7, 1), end: at(7, 18) },
    penalty: 8,
    fix: {
      edits: [
        {
          range: { start: at(7, 5), end: at(7, 18) },
          newText: '["/srv/start.sh"]',
        },
      ],
    },
  }),
  legacyFinding({
    ruleId: 'debug-tools-installed',
    pillar: 'minimal',
    severity: 'medium',
    message: 'vim is a debugging tool in the final image.',
    range: { start: at(3, 24), end: at(3, 27) },
    penalty: 8,
    fix: {
      edits: [{ range: { start: at(3, 24), end: at(3, 28) }, newText: '' }],
    },
  }),
  legacyFinding({
    ruleId: 'debug-tools-installed',
    pillar: 'minimal',
    severity: 'medium',
    message: 'telnet is a debugging tool in the final image.',
    range: { start: at(3, 28), end: at(3, 34) },
    penalty: 4,
    fix: {
      edits: [{ range: { start: at(3, 28), end: at(3, 35) }, newText: '' }],
    },
  }),
  legacyFinding({
    ruleId: 'base-image-digest',
    pillar: 'immutable',
    severity: 'low',
    message: 'ubuntu:22.04 is not pinned by digest.',
    range: { start: at(1, 6), end: at(1, 18) },
    penalty: 3,
  }),
];

export const legacyScorecard: EntityScorecard = {
  entityRef: 'component:default/legacy-billing-portal',
  status: 'analysed',
  analysedAt: '2026-11-22T08:00:00Z',
  rulesetVersion: '1.0.0+abc123',
  score: 36,
  grade: 'F',
  pillarScores: {
    'least-privilege': 70,
    lifecycle: 88,
    minimal: 94,
    immutable: 99,
  },
  counts: counts({ critical: 1, high: 1, medium: 4, low: 1 }),
  nextGrade: {
    grade: 'D',
    score: 66,
    findings: [
      {
        ruleId: 'no-user-in-final-stage',
        severity: 'critical',
        message: 'The final stage sets no USER, so the container runs as root.',
        path: 'Dockerfile',
        range: { start: at(1, 1), end: at(1, 18) },
        penalty: 40,
      },
    ],
  },
  files: [
    {
      path: 'Dockerfile',
      kind: 'dockerfile',
      status: 'analysed',
      score: 17,
      grade: 'F',
      pillarScores: {
        'least-privilege': 40,
        lifecycle: 92,
        minimal: 88,
        immutable: 97,
      },
      counts: counts({ critical: 1, high: 1, medium: 3, low: 1 }),
      findingsTotal: legacyFindings.length,
      findings: legacyFindings,
    },
    {
      path: 'deploy/compose.yaml',
      kind: 'compose',
      status: 'analysed',
      score: 92,
      grade: 'A',
      pillarScores: { lifecycle: 92 },
      counts: counts({ medium: 1 }),
      findingsTotal: 1,
      findings: [
        {
          ruleId: 'compose-no-healthcheck',
          pillar: 'lifecycle',
          severity: 'medium',
          message: 'Service web has no health check.',
          path: 'deploy/compose.yaml',
          range: { start: at(3, 3), end: at(3, 6) },
          snippet: 'web:',
          penalty: 8,
        },
      ],
    },
  ],
};
