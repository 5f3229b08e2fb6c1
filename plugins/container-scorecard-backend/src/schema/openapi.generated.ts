// Generated from openapi.yaml by scripts/generate-openapi-spec.js; do not edit by hand.

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'container-scorecard',
    version: '1',
    description:
      "Container Scorecard: scores of the container definitions behind catalog entities, their history, team scorecards and the organisation report. Every read follows the caller's catalog access: an entity the caller cannot see in the catalog is absent here too.",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description:
          'Whether the plugin and its database answer. Needs no credentials.',
        responses: {
          '200': {
            description: 'Healthy.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Health',
                },
              },
            },
          },
          '503': {
            description:
              "The plugin's database, or one of its tables, does not answer.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Health',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scorecard': {
      get: {
        operationId: 'GetEntityScorecard',
        description:
          "The latest result for one entity, with every file and the first findings of each (findingsPerFile); each file's findingsTotal tells how many there are, and the findings route pages through the rest.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/findingsPerFile',
          },
        ],
        responses: {
          '200': {
            description: "The entity's scorecard.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecard',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/findings': {
      get: {
        operationId: 'GetFileFindings',
        description:
          "One page of the findings of one file of the entity's latest result.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'path',
            in: 'query',
            required: true,
            description:
              "The file's path inside the repository, as the scorecard gives it.",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 4096,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 10000000,
              default: 0,
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The page.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FindingPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetEntityHistory',
        description: "Daily snapshots of the entity's score, oldest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: "The entity's history.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityHistory',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/rescan': {
      post: {
        operationId: 'RescanEntity',
        description:
          'Scans the entity now. Needs the container-scorecard.entity.rescan permission. 400 when the entity is outside the configured scope (nothing is stored); 503 when the scan ran but the store could not keep its result.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/findingsPerFile',
          },
        ],
        responses: {
          '200': {
            description: 'The scan ran; the new scorecard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecard',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/summaries': {
      get: {
        operationId: 'GetEntitySummaries',
        description:
          'Score, grade and counts of up to 100 entities at once (a catalog table page), so a column costs one request per page, not one per row. Entities the caller cannot see in the catalog are left out, exactly as if they did not exist; visible ones with no result are not-scanned.',
        parameters: [
          {
            name: 'refs',
            in: 'query',
            required: true,
            description:
              'Entity refs, comma-separated (catalog names hold no commas).',
            schema: {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 400,
              },
            },
            style: 'form',
            explode: false,
          },
        ],
        responses: {
          '200': {
            description: 'The summaries of the visible entities among refs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySummaries',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/search/documents': {
      get: {
        operationId: 'GetSearchDocuments',
        description:
          'One page of search documents (one per scanned entity, with its findings) in entity ref order, for the search collator. Backend services only: the search backend filters each document by catalog read permission on its entity at query time.',
        parameters: [
          {
            name: 'after',
            in: 'query',
            description:
              'The entity ref the previous page ended with (nextAfter).',
            schema: {
              type: 'string',
              maxLength: 400,
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The page; nextAfter is absent on the last one.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SearchDocumentPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/teams/{namespace}/{name}/scorecard': {
      get: {
        operationId: 'GetTeamScorecard',
        description:
          "Every service the group owns, directly or through its sub-groups, with the group's overall score and trend. The services list paginates, sorts and filters.",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/days',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
          {
            name: 'sort',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['name', 'score', 'grade', 'trend', 'owner'],
            },
          },
          {
            $ref: '#/components/parameters/order',
          },
          {
            name: 'q',
            in: 'query',
            description:
              'Keeps services whose name, title or worst rule contains this text.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'grade',
            in: 'query',
            description:
              'Keeps services with these grades (repeat or comma-separate).',
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/Grade',
              },
            },
            style: 'form',
            explode: false,
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/ScorecardStatus',
            },
          },
        ],
        responses: {
          '200': {
            description: "The team's scorecard.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamScorecard',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/rollups/{kind}/{namespace}/{name}/scorecard': {
      get: {
        operationId: 'GetRollupScorecard',
        description:
          "The roll-up of a System (the services that are part of it) or a Domain (the services of its systems), in the team scorecard's shape. The services list paginates, sorts and filters.",
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              enum: ['system', 'domain'],
            },
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/days',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
          {
            name: 'sort',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['name', 'score', 'grade', 'trend', 'owner'],
            },
          },
          {
            $ref: '#/components/parameters/order',
          },
          {
            name: 'q',
            in: 'query',
            description:
              'Keeps services whose name, title or worst rule contains this text.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'grade',
            in: 'query',
            description:
              'Keeps services with these grades (repeat or comma-separate).',
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/Grade',
              },
            },
            style: 'form',
            explode: false,
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/ScorecardStatus',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The roll-up scorecard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamScorecard',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report': {
      get: {
        operationId: 'GetOrganisationReport',
        description: "The engineering managers' report over a period.",
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
          {
            name: 'group',
            in: 'query',
            description:
              'Limits the report to one group and its sub-groups (a group entity ref).',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OrganisationReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report/export.csv': {
      get: {
        operationId: 'ExportOrganisationReport',
        description: 'One CSV row per service in the report, for spreadsheets.',
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
          {
            name: 'group',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'CSV with a header row.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report/rules': {
      get: {
        operationId: 'GetRuleFailures',
        description:
          "For every rule failing in the report's scope, the services failing it (those the caller may see), with the findings and points it costs each. Image rules (while image inspection is on) list the services whose latest inspected images have findings of the rule, with those images' references and no points, since image findings never change a score.",
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
          {
            name: 'group',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The failing rules, the most points lost first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuleFailuresReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report/findings.csv': {
      get: {
        operationId: 'ExportOrganisationFindings',
        description:
          'One CSV row per finding of each service in the report (kind, path, line, rule, severity, points, fixable, waived), for spreadsheets. While image inspection is on, the findings of each service\'s inspected images follow its definitions\' findings, with kind "image", the image reference as path, no line and points 0.',
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
          {
            name: 'group',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'CSV with a header row.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/rules': {
      get: {
        operationId: 'ListRules',
        description: 'The rule catalogue of the running ruleset.',
        responses: {
          '200': {
            description: 'Every rule.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuleCatalogue',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/scans/status': {
      get: {
        operationId: 'GetScanStatus',
        description:
          "What the scanner is doing and when its last run started and ended. Only timing: the run's totals cover every entity in scope, including those the caller cannot see.",
        responses: {
          '200': {
            description: 'Scanner status.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScanStatus',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      findingsPerFile: {
        name: 'findingsPerFile',
        in: 'query',
        description:
          'At most this many findings per file (the first ones); 0 sends totals only.',
        schema: {
          type: 'integer',
          minimum: 0,
          maximum: 1000,
          default: 100,
        },
      },
      days: {
        name: 'days',
        in: 'query',
        description: 'The period in days, counting back from today.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 730,
          default: 90,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 50,
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        schema: {
          type: 'integer',
          minimum: 0,
          default: 0,
        },
      },
      order: {
        name: 'order',
        in: 'query',
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
          default: 'asc',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description:
          'A Backstage error (400 bad input, 401, 403 not allowed, 404 unknown entity or group, 503 the database does not answer). Never holds connection details or stack traces.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      Health: {
        type: 'object',
        required: ['status', 'database'],
        properties: {
          status: {
            type: 'string',
            enum: ['ok', 'error'],
          },
          database: {
            type: 'string',
            description:
              "ok; unreachable when the database does not answer; missing-tables when it answers but one of the plugin's tables does not.",
            enum: ['ok', 'unreachable', 'missing-tables'],
          },
        },
      },
      Severity: {
        type: 'string',
        enum: ['critical', 'high', 'medium', 'low', 'info'],
      },
      Grade: {
        type: 'string',
        enum: ['A', 'B', 'C', 'D', 'F'],
      },
      Pillar: {
        type: 'string',
        enum: [
          'one-concern',
          'immutable',
          'config-outside',
          'state-outside',
          'least-privilege',
          'minimal',
          'lifecycle',
          'simplicity',
        ],
      },
      FileKind: {
        type: 'string',
        enum: ['dockerfile', 'compose', 'kubernetes'],
      },
      ScorecardStatus: {
        type: 'string',
        description:
          'analysed: scored. could-not-analyse: the repository or a file could not be read or parsed (never a zero, never a pass). no-definitions: the repository holds no container definitions. not-scanned: no scan has finished yet.',
        enum: [
          'analysed',
          'could-not-analyse',
          'no-definitions',
          'not-scanned',
        ],
      },
      SeverityCounts: {
        type: 'object',
        required: ['critical', 'high', 'medium', 'low', 'info'],
        properties: {
          critical: {
            type: 'integer',
            minimum: 0,
          },
          high: {
            type: 'integer',
            minimum: 0,
          },
          medium: {
            type: 'integer',
            minimum: 0,
          },
          low: {
            type: 'integer',
            minimum: 0,
          },
          info: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      PillarScores: {
        type: 'object',
        description:
          'Sub-score 0–100 per pillar that has at least one applicable rule.',
        additionalProperties: {
          type: 'number',
          minimum: 0,
          maximum: 100,
        },
      },
      Position: {
        type: 'object',
        description: '1-based line and column.',
        required: ['line', 'column'],
        properties: {
          line: {
            type: 'integer',
            minimum: 1,
          },
          column: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      Range: {
        type: 'object',
        required: ['start', 'end'],
        properties: {
          start: {
            $ref: '#/components/schemas/Position',
          },
          end: {
            $ref: '#/components/schemas/Position',
          },
        },
      },
      TextEdit: {
        type: 'object',
        required: ['range', 'newText'],
        properties: {
          range: {
            $ref: '#/components/schemas/Range',
          },
          newText: {
            type: 'string',
          },
        },
      },
      Fix: {
        type: 'object',
        required: ['edits'],
        properties: {
          description: {
            type: 'string',
          },
          edits: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TextEdit',
            },
          },
          preview: {
            type: 'object',
            description:
              "The fix as a unified diff of the file's whole lines with a few lines of context.",
            required: ['hunks'],
            properties: {
              hunks: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['oldStart', 'newStart', 'lines'],
                  properties: {
                    oldStart: {
                      type: 'integer',
                      minimum: 0,
                    },
                    newStart: {
                      type: 'integer',
                      minimum: 0,
                    },
                    lines: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['kind', 'text'],
                        properties: {
                          kind: {
                            type: 'string',
                            enum: ['context', 'removed', 'added'],
                          },
                          text: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      Suppression: {
        type: 'object',
        required: ['source'],
        properties: {
          source: {
            type: 'string',
            enum: ['inline', 'hadolint', 'config', 'annotation'],
          },
          reason: {
            type: 'string',
          },
          until: {
            type: 'string',
            format: 'date',
          },
          expired: {
            type: 'boolean',
          },
        },
      },
      Finding: {
        type: 'object',
        required: [
          'ruleId',
          'pillar',
          'severity',
          'message',
          'path',
          'range',
          'snippet',
        ],
        properties: {
          ruleId: {
            type: 'string',
          },
          pillar: {
            $ref: '#/components/schemas/Pillar',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          message: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          range: {
            $ref: '#/components/schemas/Range',
          },
          snippet: {
            type: 'string',
            description: 'The offending text.',
          },
          fix: {
            $ref: '#/components/schemas/Fix',
          },
          suppressed: {
            $ref: '#/components/schemas/Suppression',
          },
          penalty: {
            type: 'number',
            minimum: 0,
            description:
              "Points this finding takes off its file's score (0 when waived or info).",
          },
          renderedFrom: {
            $ref: '#/components/schemas/RenderedFrom',
          },
          url: {
            type: 'string',
            description:
              "Where to view the finding's line in source control, when the finding points at another file than its result's (a values file of a rendered chart).",
          },
        },
      },
      RenderedFrom: {
        type: 'object',
        description:
          "Where a finding on a rendered file (a Helm template) was rendered from. The finding's path and range point where the fix goes: the values file's key when the value came from values, else the template line.",
        required: ['renderer', 'path', 'range', 'renderedSnippet'],
        properties: {
          renderer: {
            type: 'string',
          },
          path: {
            type: 'string',
            description: 'The template that wrote the flagged text.',
          },
          range: {
            $ref: '#/components/schemas/Range',
          },
          renderedSnippet: {
            type: 'string',
            description: 'The flagged text as rendered.',
          },
          valuesPath: {
            type: 'string',
          },
          valuesKey: {
            type: 'string',
            description: 'The dotted values key (securityContext.privileged).',
          },
        },
      },
      FileRendering: {
        type: 'object',
        description:
          'How a rendered file was rendered (the chart, the values files applied in order, notes).',
        required: ['renderer', 'unit'],
        properties: {
          renderer: {
            type: 'string',
          },
          unit: {
            type: 'string',
          },
          valuesFiles: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      FileScorecard: {
        type: 'object',
        required: ['path', 'kind', 'status', 'counts', 'findings'],
        properties: {
          path: {
            type: 'string',
            description: 'Path inside the repository.',
          },
          kind: {
            $ref: '#/components/schemas/FileKind',
          },
          status: {
            type: 'string',
            enum: ['analysed', 'could-not-analyse'],
          },
          error: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          pillarScores: {
            $ref: '#/components/schemas/PillarScores',
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          findings: {
            type: 'array',
            description:
              "The file's first findings; findingsTotal tells how many there are in all.",
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
          findingsTotal: {
            type: 'integer',
            minimum: 0,
          },
          partial: {
            type: 'array',
            description:
              'Limits the analysis of this file reached; absent when it is complete.',
            items: {
              $ref: '#/components/schemas/LimitReached',
            },
          },
          url: {
            type: 'string',
            description:
              'Where to view the file in its source control system, when known.',
          },
          rendering: {
            $ref: '#/components/schemas/FileRendering',
          },
          source: {
            $ref: '#/components/schemas/FileSource',
          },
        },
      },
      FileSource: {
        type: 'object',
        description:
          "The extra source (container-scorecard.io/extra-sources) a file was read from; absent for the entity's own repository. The file's path keeps the @<label>/ prefix, which keeps paths unique across sources.",
        required: ['label', 'location'],
        properties: {
          label: {
            type: 'string',
          },
          location: {
            type: 'string',
            description:
              'Where the source lives, as the annotation names it (a URL, or file:<dir>).',
          },
        },
      },
      LimitReached: {
        type: 'object',
        required: ['limit', 'message', 'omitted'],
        properties: {
          limit: {
            type: 'string',
            description:
              'findings-per-rule, yaml-documents, repository-files, entity-bytes or entity-timeout.',
          },
          message: {
            type: 'string',
            description: 'What was left out',
            'naming the limit.': null,
          },
          omitted: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      FindingPage: {
        type: 'object',
        required: ['entityRef', 'path', 'total', 'offset', 'limit', 'items'],
        properties: {
          entityRef: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          offset: {
            type: 'integer',
            minimum: 0,
          },
          limit: {
            type: 'integer',
            minimum: 1,
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
        },
      },
      EntityScorecard: {
        type: 'object',
        required: ['entityRef', 'status', 'counts', 'files'],
        properties: {
          entityRef: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/ScorecardStatus',
          },
          error: {
            type: 'string',
            description:
              'Why the last attempt could not analyse; the last good result, if any, stays.',
          },
          lastAttemptAt: {
            type: 'string',
            format: 'date-time',
          },
          analysedAt: {
            type: 'string',
            format: 'date-time',
          },
          rulesetVersion: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          pillarScores: {
            $ref: '#/components/schemas/PillarScores',
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          files: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FileScorecard',
            },
          },
          partial: {
            type: 'array',
            description:
              "Limits the entity's scan reached (files, bytes, time): the result is partial. Limits of one file are on that file.",
            items: {
              $ref: '#/components/schemas/LimitReached',
            },
          },
          nextGrade: {
            type: 'object',
            description:
              'The fewest findings whose fix lifts the entity to the next grade.',
            required: ['grade', 'score', 'findings'],
            properties: {
              grade: {
                $ref: '#/components/schemas/Grade',
              },
              score: {
                type: 'number',
                minimum: 0,
                maximum: 100,
              },
              findings: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['ruleId', 'severity', 'message', 'path', 'range'],
                  properties: {
                    ruleId: {
                      type: 'string',
                    },
                    severity: {
                      $ref: '#/components/schemas/Severity',
                    },
                    message: {
                      type: 'string',
                    },
                    path: {
                      type: 'string',
                    },
                    range: {
                      $ref: '#/components/schemas/Range',
                    },
                    penalty: {
                      type: 'number',
                      minimum: 0,
                    },
                  },
                },
              },
            },
          },
          images: {
            $ref: '#/components/schemas/EntityImages',
          },
        },
      },
      EntityImages: {
        type: 'object',
        description:
          "The images the entity's definitions and container-scorecard.io/images annotation name, as inspected at its last scan (docs/images.md). Absent when image inspection is off. Inspected images' findings are included in the entity's counts; its score is the definitions' score.",
        required: ['inspectedAt', 'results', 'notInspected'],
        properties: {
          inspectedAt: {
            type: 'string',
            format: 'date-time',
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImageResult',
            },
          },
          notInspected: {
            type: 'array',
            description:
              "References no registry was asked about, with why (not a literal reference, a registry not configured, more than maxImagesPerEntity images, the entity's time budget).",
            items: {
              type: 'object',
              required: ['reference', 'reason'],
              properties: {
                reference: {
                  type: 'string',
                },
                reason: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      ImageResult: {
        type: 'object',
        description:
          'One image: scored when inspected; when it could not be (status failed), its reason and no score or findings.',
        required: ['reference', 'usedBy', 'status', 'findings', 'counts'],
        properties: {
          reference: {
            type: 'string',
          },
          usedBy: {
            type: 'array',
            items: {
              type: 'string',
              enum: ['dockerfile', 'compose', 'kubernetes', 'annotation'],
            },
          },
          status: {
            type: 'string',
            enum: ['inspected', 'failed'],
          },
          reason: {
            type: 'string',
            description:
              'Why the image could not be inspected (shown as "could not inspect - reason").',
          },
          digest: {
            type: 'string',
          },
          platforms: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          created: {
            type: 'string',
          },
          compressedSize: {
            type: 'integer',
            minimum: 0,
          },
          layerCount: {
            type: 'integer',
            minimum: 0,
          },
          user: {
            type: 'string',
            description: 'The image config User; empty means root.',
          },
          signed: {
            type: 'boolean',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          pillarScores: {
            $ref: '#/components/schemas/PillarScores',
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImageFinding',
            },
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
        },
      },
      ImageFinding: {
        type: 'object',
        description:
          'A finding of an image rule; path is the image reference, snippet the config value.',
        required: ['ruleId', 'severity', 'message', 'path', 'range', 'snippet'],
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          message: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          range: {
            $ref: '#/components/schemas/Range',
          },
          snippet: {
            type: 'string',
          },
          penalty: {
            type: 'number',
            minimum: 0,
          },
        },
      },
      HistoryPoint: {
        type: 'object',
        required: ['day', 'score', 'grade', 'counts', 'rulesetVersion'],
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          pillarScores: {
            $ref: '#/components/schemas/PillarScores',
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          rulesetVersion: {
            type: 'string',
          },
        },
      },
      EntityHistory: {
        type: 'object',
        required: ['entityRef', 'points'],
        properties: {
          entityRef: {
            type: 'string',
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HistoryPoint',
            },
          },
        },
      },
      TrendPoint: {
        type: 'object',
        required: ['day', 'score'],
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
        },
      },
      RuleCount: {
        type: 'object',
        required: ['ruleId', 'severity', 'count'],
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          count: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      ServiceSummary: {
        type: 'object',
        required: ['entityRef', 'owner', 'status', 'counts'],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: 'Owner entity ref.',
          },
          status: {
            $ref: '#/components/schemas/ScorecardStatus',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          trend: {
            type: 'number',
            description:
              'Score now minus the score at the start of the period.',
          },
          worstRule: {
            $ref: '#/components/schemas/RuleCount',
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
        },
      },
      EntitySummaries: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ServiceSummary',
            },
          },
        },
      },
      SearchDocumentPage: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardSearchDocument',
            },
          },
          nextAfter: {
            type: 'string',
          },
        },
      },
      ScorecardSearchDocument: {
        type: 'object',
        required: ['title', 'text', 'location', 'entityRef'],
        properties: {
          title: {
            type: 'string',
          },
          text: {
            type: 'string',
            description:
              'Grade, score and the findings: rules, messages, paths.',
          },
          location: {
            type: 'string',
            description: "App path of the entity's remediation tab.",
          },
          entityRef: {
            type: 'string',
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
        },
      },
      ServicePage: {
        type: 'object',
        required: ['items', 'totalCount', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ServiceSummary',
            },
          },
          totalCount: {
            type: 'integer',
            minimum: 0,
          },
          offset: {
            type: 'integer',
            minimum: 0,
          },
          limit: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      TeamScorecard: {
        type: 'object',
        required: [
          'teamRef',
          'serviceCount',
          'analysedCount',
          'services',
          'trend',
        ],
        properties: {
          teamRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          serviceCount: {
            type: 'integer',
            minimum: 0,
          },
          analysedCount: {
            type: 'integer',
            minimum: 0,
          },
          services: {
            $ref: '#/components/schemas/ServicePage',
          },
          trend: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TrendPoint',
            },
          },
        },
      },
      TeamRanking: {
        type: 'object',
        required: ['teamRef', 'serviceCount', 'analysedCount'],
        properties: {
          teamRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          delta: {
            type: 'number',
            description: 'Change in score over the period.',
          },
          serviceCount: {
            type: 'integer',
            minimum: 0,
          },
          analysedCount: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      Mover: {
        type: 'object',
        required: ['entityRef', 'owner', 'from', 'to', 'delta'],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          from: {
            type: 'number',
          },
          to: {
            type: 'number',
          },
          delta: {
            type: 'number',
          },
          rulesetChanged: {
            type: 'boolean',
            description:
              'True when the ruleset version changed in the period, so part of the move may come from the rules.',
          },
        },
      },
      FailingRule: {
        type: 'object',
        required: ['ruleId', 'pillar', 'severity', 'findings', 'services'],
        properties: {
          ruleId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          pillar: {
            $ref: '#/components/schemas/Pillar',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          findings: {
            type: 'integer',
            minimum: 0,
          },
          services: {
            type: 'integer',
            minimum: 0,
          },
          points: {
            type: 'number',
            minimum: 0,
            description:
              "Points the rule's findings take off their files' scores across the scope.",
          },
        },
      },
      RuleFailuresReport: {
        type: 'object',
        required: ['servicesInScope', 'rules'],
        properties: {
          servicesInScope: {
            type: 'integer',
            minimum: 0,
          },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'services', 'findings', 'points', 'failing'],
              properties: {
                ruleId: {
                  type: 'string',
                },
                services: {
                  type: 'integer',
                  minimum: 0,
                },
                findings: {
                  type: 'integer',
                  minimum: 0,
                },
                points: {
                  type: 'number',
                  minimum: 0,
                },
                failing: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['entityRef', 'findings', 'points'],
                    properties: {
                      entityRef: {
                        type: 'string',
                      },
                      title: {
                        type: 'string',
                      },
                      findings: {
                        type: 'integer',
                        minimum: 0,
                      },
                      points: {
                        type: 'number',
                        minimum: 0,
                        description:
                          "Points off the service's score; 0 for image rules, which never change it.",
                      },
                      images: {
                        type: 'array',
                        description:
                          "Image rules only, the references of the service's inspected images with findings of the rule.",
                        items: {
                          type: 'string',
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      Coverage: {
        type: 'object',
        required: [
          'services',
          'analysed',
          'noDefinitions',
          'couldNotAnalyse',
          'notScanned',
        ],
        properties: {
          services: {
            type: 'integer',
            minimum: 0,
          },
          analysed: {
            type: 'integer',
            minimum: 0,
          },
          noDefinitions: {
            type: 'integer',
            minimum: 0,
          },
          couldNotAnalyse: {
            type: 'integer',
            minimum: 0,
          },
          notScanned: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      OrganisationReport: {
        type: 'object',
        required: [
          'periodDays',
          'generatedAt',
          'teams',
          'movers',
          'topFailingRules',
          'coverage',
          'trend',
        ],
        properties: {
          periodDays: {
            type: 'integer',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          trend: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TrendPoint',
            },
          },
          teams: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TeamRanking',
            },
          },
          movers: {
            type: 'object',
            required: ['improved', 'regressed'],
            properties: {
              improved: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Mover',
                },
              },
              regressed: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Mover',
                },
              },
            },
          },
          topFailingRules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FailingRule',
            },
          },
          coverage: {
            $ref: '#/components/schemas/Coverage',
          },
        },
      },
      RuleSummary: {
        type: 'object',
        required: [
          'id',
          'title',
          'pillar',
          'severity',
          'appliesTo',
          'message',
          'rationale',
          'remediation',
          'equivalents',
          'fixable',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          pillar: {
            $ref: '#/components/schemas/Pillar',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          enabled: {
            type: 'boolean',
          },
          kind: {
            type: 'string',
            description:
              "file for the container definitions' rules; image for the rules of images read from their registries (docs/images.md), which apply to no file kind (appliesTo is empty).",
            enum: ['file', 'image'],
          },
          appliesTo: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FileKind',
            },
          },
          message: {
            type: 'string',
          },
          rationale: {
            type: 'string',
          },
          remediation: {
            type: 'object',
            required: ['before', 'after'],
            properties: {
              text: {
                type: 'string',
              },
              before: {
                type: 'string',
              },
              after: {
                type: 'string',
              },
            },
          },
          equivalents: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          equivalentLinks: {
            type: 'object',
            description:
              "Links to the peer tools' pages of the equivalents (rule documentation or source), by the same tool keys as equivalents; a tool without a known page has no entry.",
            additionalProperties: {
              type: 'string',
              format: 'uri',
            },
          },
          equivalentsNote: {
            type: 'string',
            description:
              'How far the equivalents really match, when they differ in scope.',
          },
          fixable: {
            type: 'boolean',
          },
          options: {
            type: 'array',
            description:
              'The options the rule accepts, in the order it declares them, each with the configured value when the configuration sets one; absent when the rule has none.',
            items: {
              $ref: '#/components/schemas/RuleOption',
            },
          },
        },
      },
      RuleOption: {
        type: 'object',
        required: ['name', 'type', 'description', 'default'],
        properties: {
          name: {
            type: 'string',
          },
          type: {
            type: 'string',
            enum: ['string', 'number', 'boolean', 'string[]'],
          },
          description: {
            type: 'string',
          },
          default: {
            $ref: '#/components/schemas/RuleOptionValue',
          },
          value: {
            $ref: '#/components/schemas/RuleOptionValue',
          },
        },
      },
      RuleOptionValue: {
        oneOf: [
          {
            type: 'string',
          },
          {
            type: 'number',
          },
          {
            type: 'boolean',
          },
          {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        ],
      },
      RuleCatalogue: {
        type: 'object',
        required: ['rulesetVersion', 'rules'],
        properties: {
          rulesetVersion: {
            type: 'string',
          },
          rules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleSummary',
            },
          },
        },
      },
      ScanRun: {
        type: 'object',
        required: ['startedAt', 'outcome'],
        properties: {
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMs: {
            type: 'integer',
            minimum: 0,
          },
          outcome: {
            type: 'string',
            description:
              'running; completed; aborted when it timed out (the next run carries on with the entities it did not reach) or its process died (found unfinished at the next start); abandoned when it is unfinished and its process has shown no sign of life for minutes.',
            enum: ['running', 'completed', 'aborted', 'abandoned'],
          },
          outcomeReason: {
            type: 'string',
          },
        },
      },
      ScanStatus: {
        type: 'object',
        required: ['running'],
        properties: {
          running: {
            type: 'boolean',
            description: 'True while a run is under way on any replica.',
          },
          lastRun: {
            $ref: '#/components/schemas/ScanRun',
          },
          nextRunAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
    },
  },
} as const;
