import { pathToFileURL } from 'node:url';
import type {
  Finding,
  RuleMetadata,
  Severity,
  SourceRange,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  imageSarifNotifications,
  imageSarifResults,
} from './images/imageSarif';
import { appliesToText, type CatalogueRule } from './images/imageRuleMetadata';
import type { ReportInput } from './types';
import { TOOL_NAME } from './types';

/** The SARIF version we write, and its schema. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF knows three levels of result; our five severities fold into them. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function equivalentsText(rule: RuleMetadata): string {
  const entries = Object.entries(rule.equivalents).filter(([, v]) => v);
  return entries.length
    ? entries.map(([tool, id]) => `${tool} ${id}`).join(', ')
    : 'none';
}

/** The help of a rule: why, how to fix, before and after. */
function helpOf(rule: RuleMetadata) {
  const text = [
    rule.rationale,
    `How to fix: ${rule.remediation.description}`,
    `Before:\n${rule.remediation.before}`,
    `After:\n${rule.remediation.after}`,
    `Equivalents: ${equivalentsText(rule)}`,
  ].join('\n\n');
  const markdown = [
    rule.rationale,
    `**How to fix:** ${rule.remediation.description}`,
    `Before:\n\n\`\`\`\n${rule.remediation.before}\n\`\`\``,
    `After:\n\n\`\`\`\n${rule.remediation.after}\n\`\`\``,
    `Equivalents: ${equivalentsText(rule)}`,
  ].join('\n\n');
  return { text, markdown };
}

function sarifRule(rule: CatalogueRule) {
  const appliesTo = appliesToText(rule, ',').split(',').filter(Boolean);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.message },
    help: helpOf(rule),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: [rule.pillar, ...appliesTo],
      severity: rule.severity,
      pillar: rule.pillar,
      appliesTo,
      ...(rule.kind ? { kind: rule.kind } : {}),
      equivalents: rule.equivalents,
      fixable: rule.fixable,
    },
  };
}

/** SARIF regions are 1-based with an exclusive end column, as our ranges are. */
function region(range: SourceRange, snippet?: string) {
  return {
    startLine: Math.max(1, range.start.line),
    startColumn: Math.max(1, range.start.column),
    endLine: Math.max(range.start.line, range.end.line, 1),
    endColumn:
      range.end.line > range.start.line
        ? Math.max(1, range.end.column)
        : Math.max(range.start.column, range.end.column, 1),
    ...(snippet !== undefined ? { snippet: { text: snippet } } : {}),
  };
}

function artifactLocation(path: string) {
  return {
    uri: path.split('/').map(encodeURIComponent).join('/'),
    uriBaseId: '%SRCROOT%',
  };
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>) {
  const location = artifactLocation(finding.path);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId)
      ? { ruleIndex: ruleIndex.get(finding.ruleId) }
      : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: region(finding.range, finding.snippet),
        },
      },
    ],
    // A finding on a rendered chart: where the flagged text was rendered from.
    ...(finding.renderedFrom
      ? {
          relatedLocations: [
            {
              id: 0,
              message: {
                text: `rendered by this ${finding.renderedFrom.renderer} template line`,
              },
              physicalLocation: {
                artifactLocation: artifactLocation(finding.renderedFrom.path),
                region: region(finding.renderedFrom.range),
              },
            },
          ],
        }
      : {}),
    ...(finding.suppressed
      ? {
          suppressions: [
            {
              kind:
                finding.suppressed.source === 'config'
                  ? 'external'
                  : 'inSource',
              status: 'accepted',
              justification: [
                finding.suppressed.reason || '(no reason given)',
                finding.suppressed.until
                  ? `until ${finding.suppressed.until}`
                  : '',
              ]
                .filter(Boolean)
                .join(' '),
            },
          ],
        }
      : {}),
    ...(finding.fix && finding.fix.length > 0
      ? {
          fixes: [
            {
              description: { text: `Fix ${finding.ruleId}` },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: finding.fix.map(edit => ({
                    deletedRegion: region(edit.range),
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      ...(finding.penalty !== undefined ? { penalty: finding.penalty } : {}),
    },
  };
}

/**
 * A SARIF 2.1.0 log with one run: every rule in force under `tool.driver.rules` (with help), one
 * result per finding (suppressed findings carry `suppressions`), and as tool execution
 * notifications the files that could not be analysed (an error: they have no findings to show)
 * and the limits that made a result partial (a warning naming the limit and what it left out).
 * With `--inspect-images`, image findings are results too (at the lines naming the image), images
 * that could not be inspected are warnings, and what the registry settled is a note.
 */
export function formatSarif(input: ReportInput, cwd: string): string {
  // Image rules only when images were inspected: without --inspect-images none of them ran.
  const rules: CatalogueRule[] = [
    ...input.rules.values(),
    ...(input.images ? input.imageRules ?? [] : []),
  ];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications: object[] = input.analysis.results.flatMap(result => [
    ...(result.status === 'could-not-analyse'
      ? [
          {
            level: 'error',
            message: {
              text: `Could not analyse ${result.path}: ${
                result.error?.message ?? 'unknown error'
              }`,
            },
            descriptor: { id: result.error?.code ?? 'could-not-analyse' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(result.path),
                },
              },
            ],
          },
        ]
      : []),
    // A partial result is a warning of its own: results alone would read as the whole picture.
    ...(result.limitsReached ?? []).map(reached => ({
      level: 'warning',
      message: {
        text: `Partial result for ${result.path}: ${reached.message}`,
      },
      descriptor: { id: reached.limit },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(result.path),
          },
        },
      ],
      properties: { limit: reached.limit, omitted: reached.omitted },
    })),
    ...(result.ruleErrors ?? []).map(error => ({
      level: 'warning',
      message: {
        text: `Rule ${error.ruleId} failed on ${result.path}: ${error.message}`,
      },
      associatedRule: { id: error.ruleId },
    })),
  ]);
  const { images = [], settlements = [] } = input;
  notifications.push(
    ...imageSarifNotifications(
      images,
      input.analysis.results,
      artifactLocation,
    ),
    // What the registry settled: a dropped finding must not vanish without a word.
    ...settlements.map(settlement => ({
      level: 'note',
      message: { text: settlement.note },
      descriptor: { id: `base-image-user-${settlement.outcome}` },
      associatedRule: { id: settlement.ruleId },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(settlement.path),
          },
        },
      ],
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            properties: { rulesetVersion: input.analysis.rulesetVersion },
            rules: rules.map(sarifRule),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}`,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notifications,
          },
        ],
        results: [
          ...input.analysis.results.flatMap(result =>
            result.findings.map(finding => sarifResult(finding, ruleIndex)),
          ),
          ...imageSarifResults(
            images,
            input.analysis.results,
            ruleIndex,
            artifactLocation,
            sarifLevel,
          ),
        ],
        properties: {
          aggregate: input.analysis.aggregate,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
