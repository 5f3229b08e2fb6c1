import { resolve } from 'node:path';
import { createNodeScorecardEngine } from '../../engine';
import { analyzeTargets } from '../analyzeTargets';
import { formatSarif, SARIF_VERSION, sarifLevel } from './formatSarif';
import {
  imageRules,
  scoreImages,
} from '@container-scorecard/plugin-container-scorecard-common';
import { imageRuleMetadata } from './images/imageRuleMetadata';

/*
 * The SARIF 2.1.0 schema, reduced to what matters for our output: for every object we write, the
 * properties the schema allows (it sets additionalProperties: false on them), the required ones,
 * and the enumerations and minimums it declares. Checked offline.
 */
type Shape = {
  allowed: string[];
  required?: string[];
  check?: (value: any, path: string, problems: string[]) => void;
  children?: Record<string, string | [string]>;
  map?: string;
};

const SHAPES: Record<string, Shape> = {
  sarifLog: {
    allowed: [
      '$schema',
      'version',
      'runs',
      'inlineExternalProperties',
      'properties',
    ],
    required: ['version', 'runs'],
    children: { runs: ['run'] },
    check: (v, p, problems) => {
      if (v.version !== '2.1.0') problems.push(`${p}.version must be "2.1.0"`);
    },
  },
  run: {
    allowed: [
      'tool',
      'invocations',
      'conversion',
      'language',
      'versionControlProvenance',
      'originalUriBaseIds',
      'artifacts',
      'logicalLocations',
      'graphs',
      'results',
      'automationDetails',
      'runAggregates',
      'baselineGuid',
      'redactionTokens',
      'defaultEncoding',
      'defaultSourceLanguage',
      'newlineSequences',
      'columnKind',
      'externalPropertyFileReferences',
      'threadFlowLocations',
      'taxonomies',
      'addresses',
      'translations',
      'policies',
      'webRequests',
      'webResponses',
      'specialLocations',
      'properties',
    ],
    required: ['tool'],
    children: {
      tool: 'tool',
      invocations: ['invocation'],
      results: ['result'],
      originalUriBaseIds: 'artifactLocationMap',
    },
  },
  artifactLocationMap: { allowed: [], map: 'artifactLocation' },
  tool: {
    allowed: ['driver', 'extensions', 'properties'],
    required: ['driver'],
    children: { driver: 'toolComponent' },
  },
  toolComponent: {
    allowed: [
      'guid',
      'name',
      'organization',
      'product',
      'productSuite',
      'shortDescription',
      'fullDescription',
      'fullName',
      'version',
      'semanticVersion',
      'dottedQuadFileVersion',
      'releaseDateUtc',
      'downloadUri',
      'informationUri',
      'globalMessageStrings',
      'notifications',
      'rules',
      'taxa',
      'locations',
      'language',
      'contents',
      'isComprehensive',
      'localizedDataSemanticVersion',
      'minimumRequiredLocalizedDataSemanticVersion',
      'associatedComponent',
      'translationMetadata',
      'supportedTaxonomies',
      'properties',
    ],
    required: ['name'],
    children: { rules: ['reportingDescriptor'] },
  },
  reportingDescriptor: {
    allowed: [
      'id',
      'deprecatedIds',
      'guid',
      'deprecatedGuids',
      'name',
      'deprecatedNames',
      'shortDescription',
      'fullDescription',
      'messageStrings',
      'defaultConfiguration',
      'helpUri',
      'help',
      'relationships',
      'properties',
    ],
    required: ['id'],
    children: {
      shortDescription: 'multiformatMessageString',
      fullDescription: 'multiformatMessageString',
      help: 'multiformatMessageString',
      defaultConfiguration: 'reportingConfiguration',
    },
  },
  multiformatMessageString: {
    allowed: ['text', 'markdown', 'properties'],
    required: ['text'],
  },
  reportingConfiguration: {
    allowed: ['enabled', 'level', 'rank', 'parameters', 'properties'],
    check: checkLevel,
  },
  invocation: {
    allowed: [
      'commandLine',
      'arguments',
      'responseFiles',
      'startTimeUtc',
      'endTimeUtc',
      'exitCode',
      'ruleConfigurationOverrides',
      'notificationConfigurationOverrides',
      'toolExecutionNotifications',
      'toolConfigurationNotifications',
      'exitCodeDescription',
      'exitSignalName',
      'exitSignalNumber',
      'processStartFailureMessage',
      'executionSuccessful',
      'machine',
      'account',
      'processId',
      'executableLocation',
      'workingDirectory',
      'environmentVariables',
      'stdin',
      'stdout',
      'stderr',
      'stdoutStderr',
      'properties',
    ],
    required: ['executionSuccessful'],
    children: { toolExecutionNotifications: ['notification'] },
  },
  notification: {
    allowed: [
      'locations',
      'message',
      'level',
      'threadId',
      'timeUtc',
      'exception',
      'descriptor',
      'associatedRule',
      'properties',
    ],
    required: ['message'],
    children: {
      locations: ['location'],
      message: 'message',
      descriptor: 'reportingDescriptorReference',
      associatedRule: 'reportingDescriptorReference',
    },
    check: checkLevel,
  },
  reportingDescriptorReference: {
    allowed: ['id', 'index', 'guid', 'toolComponent', 'properties'],
  },
  result: {
    allowed: [
      'ruleId',
      'ruleIndex',
      'rule',
      'kind',
      'level',
      'message',
      'analysisTarget',
      'locations',
      'guid',
      'correlationGuid',
      'occurrenceCount',
      'partialFingerprints',
      'fingerprints',
      'stacks',
      'codeFlows',
      'graphs',
      'graphTraversals',
      'relatedLocations',
      'suppressions',
      'baselineState',
      'rank',
      'attachments',
      'hostedViewerUri',
      'workItemUris',
      'provenance',
      'fixes',
      'taxa',
      'webRequest',
      'webResponse',
      'properties',
    ],
    required: ['message'],
    children: {
      message: 'message',
      locations: ['location'],
      suppressions: ['suppression'],
      fixes: ['fix'],
    },
    check: (v, p, problems) => {
      checkLevel(v, p, problems);
      if (
        v.ruleIndex !== undefined &&
        !(Number.isInteger(v.ruleIndex) && v.ruleIndex >= -1)
      )
        problems.push(`${p}.ruleIndex must be an integer >= -1`);
    },
  },
  message: {
    allowed: ['text', 'markdown', 'id', 'arguments', 'properties'],
    check: (v, p, problems) => {
      if (typeof v.text !== 'string' && typeof v.id !== 'string')
        problems.push(`${p} needs text or id`);
    },
  },
  location: {
    allowed: [
      'id',
      'physicalLocation',
      'logicalLocations',
      'message',
      'annotations',
      'relationships',
      'properties',
    ],
    children: { physicalLocation: 'physicalLocation' },
  },
  physicalLocation: {
    allowed: [
      'address',
      'artifactLocation',
      'region',
      'contextRegion',
      'properties',
    ],
    children: { artifactLocation: 'artifactLocation', region: 'region' },
  },
  artifactLocation: {
    allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
    check: (v, p, problems) => {
      if (typeof v.uri !== 'string') problems.push(`${p}.uri must be a string`);
      else if (/[\s\\]/.test(v.uri))
        problems.push(`${p}.uri is not a URI reference`);
    },
  },
  region: {
    allowed: [
      'startLine',
      'startColumn',
      'endLine',
      'endColumn',
      'charOffset',
      'charLength',
      'byteOffset',
      'byteLength',
      'snippet',
      'message',
      'sourceLanguage',
      'properties',
    ],
    children: { snippet: 'artifactContent' },
    check: (v, p, problems) => {
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        if (v[key] !== undefined && !(Number.isInteger(v[key]) && v[key] >= 1))
          problems.push(`${p}.${key} must be an integer >= 1`);
      }
      if (v.endLine < v.startLine) problems.push(`${p} ends before it starts`);
      if (v.endLine === v.startLine && v.endColumn < v.startColumn)
        problems.push(`${p} ends before it starts`);
    },
  },
  artifactContent: { allowed: ['text', 'binary', 'rendered', 'properties'] },
  suppression: {
    allowed: [
      'guid',
      'kind',
      'status',
      'location',
      'justification',
      'properties',
    ],
    required: ['kind'],
    check: (v, p, problems) => {
      if (!['inSource', 'external'].includes(v.kind))
        problems.push(`${p}.kind is invalid`);
      if (
        v.status !== undefined &&
        !['accepted', 'underReview', 'rejected'].includes(v.status)
      )
        problems.push(`${p}.status is invalid`);
    },
  },
  fix: {
    allowed: ['description', 'artifactChanges', 'properties'],
    required: ['artifactChanges'],
    children: { description: 'message', artifactChanges: ['artifactChange'] },
  },
  artifactChange: {
    allowed: ['artifactLocation', 'replacements', 'properties'],
    required: ['artifactLocation', 'replacements'],
    children: {
      artifactLocation: 'artifactLocation',
      replacements: ['replacement'],
    },
  },
  replacement: {
    allowed: ['deletedRegion', 'insertedContent', 'properties'],
    required: ['deletedRegion'],
    children: { deletedRegion: 'region', insertedContent: 'artifactContent' },
  },
};

function checkLevel(v: any, p: string, problems: string[]) {
  if (
    v.level !== undefined &&
    !['none', 'note', 'warning', 'error'].includes(v.level)
  )
    problems.push(`${p}.level "${v.level}" is not a SARIF level`);
}

function validate(
  value: any,
  shapeName: string,
  path: string,
  problems: string[],
) {
  const shape = SHAPES[shapeName];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path} must be an object`);
    return;
  }
  if (shape.map) {
    for (const [key, item] of Object.entries(value))
      validate(item, shape.map, `${path}.${key}`, problems);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!shape.allowed.includes(key))
      problems.push(`${path}.${key} is not a ${shapeName} property`);
  }
  for (const key of shape.required ?? []) {
    if (value[key] === undefined) problems.push(`${path}.${key} is required`);
  }
  if (
    value.properties !== undefined &&
    (typeof value.properties !== 'object' || Array.isArray(value.properties))
  )
    problems.push(`${path}.properties must be a property bag`);
  shape.check?.(value, path, problems);
  for (const [key, child] of Object.entries(shape.children ?? {})) {
    if (value[key] === undefined) continue;
    if (Array.isArray(child)) {
      if (!Array.isArray(value[key]))
        problems.push(`${path}.${key} must be an array`);
      else
        value[key].forEach((item: any, i: number) =>
          validate(item, child[0], `${path}.${key}[${i}]`, problems),
        );
    } else validate(value[key], child, `${path}.${key}`, problems);
  }
}

const FIXTURES = resolve(__dirname, '../__fixtures__');

describe('formatSarif', () => {
  it('writes a log that satisfies the SARIF 2.1.0 schema, with rules, results and suppressions', async () => {
    const engine = await createNodeScorecardEngine({
      now: () => new Date('2025-06-15'),
    });
    const cwd = resolve(FIXTURES, 'project');
    const analysis = await analyzeTargets({
      engine,
      config: {},
      cwd,
      paths: ['.'],
    });
    const log = JSON.parse(
      formatSarif(
        {
          analysis,
          rules: new Map(engine.rules.map(r => [r.id, r])),
          toolVersion: '0.1.0',
        },
        cwd,
      ),
    );

    const problems: string[] = [];
    validate(log, 'sarifLog', 'log', problems);
    expect(problems).toEqual([]);
    expect(log.version).toBe(SARIF_VERSION);

    const [run] = log.runs;
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(engine.rules.map(r => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text).toContain('Before:');
      expect(rule.help.markdown).toContain('```');
    }
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      const { region } = result.locations[0].physicalLocation;
      expect(region).toEqual(
        expect.objectContaining({
          startLine: expect.any(Number),
          startColumn: expect.any(Number),
          endLine: expect.any(Number),
          endColumn: expect.any(Number),
        }),
      );
    }
    const waived = run.results.filter(
      (r: { suppressions?: unknown[] }) => r.suppressions,
    );
    expect(waived).toEqual([
      expect.objectContaining({
        ruleId: 'no-user-in-final-stage',
        suppressions: [
          {
            kind: 'inSource',
            status: 'accepted',
            justification: expect.stringContaining('drops to uid 1000'),
          },
        ],
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({
              artifactLocation: {
                uri: 'services/worker/Dockerfile',
                uriBaseId: '%SRCROOT%',
              },
            }),
          }),
        ],
      }),
    ]);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('maps severities onto SARIF levels', () => {
    expect(
      ['critical', 'high', 'medium', 'low', 'info'].map(s =>
        sarifLevel(s as any),
      ),
    ).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });
  it('adds image findings at every line naming the image, annotation-only images logically, and failed inspections as warnings', async () => {
    const engine = await createNodeScorecardEngine({
      now: () => new Date('2025-06-15'),
    });
    const cwd = resolve(FIXTURES, 'project');
    const analysis = await analyzeTargets({
      engine,
      config: {},
      cwd,
      paths: ['docker-compose.yml', 'deploy/deployment.yaml'],
    });
    const inspected = (reference: string) => ({
      status: 'inspected' as const,
      reference,
      image: {
        reference,
        registry: 'registry-1.docker.io',
        repository: 'library/nginx',
        tag: '1.27',
        pinnedByDigest: false,
        digest: `sha256:${'a'.repeat(64)}`,
        manifestDigest: `sha256:${'a'.repeat(64)}`,
        platforms: ['linux/amd64'],
        platform: 'linux/amd64',
        config: { user: '', labels: {}, created: '2025-06-01T00:00:00Z' },
        compressedSize: 1024,
        layerCount: 1,
        supplyChain: {
          signed: true,
          sbom: true,
          attestation: false,
          via: 'cosign-tags' as const,
        },
      },
    });
    const images = scoreImages(
      [
        { inspection: inspected('nginx:1.27'), usedBy: ['compose'] },
        { inspection: inspected('acme/batch:3'), usedBy: ['annotation'] },
        {
          inspection: {
            status: 'failed',
            reference: 'ghcr.io/acme/cache:7',
            reason: 'ghcr.io is not a configured registry',
          },
          usedBy: ['compose'],
        },
      ],
      { now: new Date('2025-06-15') },
    );
    const log = JSON.parse(
      formatSarif(
        {
          analysis,
          rules: new Map(engine.rules.map(r => [r.id, r])),
          toolVersion: '0.1.0',
          images,
          imageRules: imageRules.map(imageRuleMetadata),
          settlements: [],
        },
        cwd,
      ),
    );
    const problems: string[] = [];
    validate(log, 'sarifLog', 'log', problems);
    expect(problems).toEqual([]);

    const [run] = log.runs;
    const rootResults = run.results.filter(
      (r: any) => r.ruleId === 'image-runs-as-root',
    );
    expect(rootResults).toHaveLength(2);
    const [nginx, batch] = rootResults;
    expect(run.tool.driver.rules[nginx.ruleIndex].id).toBe(
      'image-runs-as-root',
    );
    expect(nginx.level).toBe('error');
    expect(
      nginx.locations.map((l: any) => [
        l.physicalLocation.artifactLocation.uri,
        l.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['deploy/deployment.yaml', 10],
      ['docker-compose.yml', 3],
    ]);
    expect(batch.locations).toEqual([
      {
        logicalLocations: [
          { fullyQualifiedName: 'acme/batch:3', kind: 'resource' },
        ],
      },
    ]);
    expect(run.invocations[0].toolExecutionNotifications).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        descriptor: { id: 'could-not-inspect' },
      }),
    );
  });

  it('lists no image rules and no image results without inspected images', async () => {
    const engine = await createNodeScorecardEngine();
    const cwd = resolve(FIXTURES, 'project');
    const analysis = await analyzeTargets({
      engine,
      config: {},
      cwd,
      paths: ['docker-compose.yml'],
    });
    const [run] = JSON.parse(
      formatSarif(
        {
          analysis,
          rules: new Map(engine.rules.map(r => [r.id, r])),
          toolVersion: '0.1.0',
          imageRules: imageRules.map(imageRuleMetadata),
        },
        cwd,
      ),
    ).runs;
    expect(
      run.tool.driver.rules.filter((r: any) => r.id.startsWith('image-')),
    ).toEqual([]);
    expect(
      run.results.filter((r: any) => r.ruleId.startsWith('image-')),
    ).toEqual([]);
  });
});
