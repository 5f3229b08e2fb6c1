import type {
  ContainerFileKind,
  PillarId,
  Severity,
  SourceRange,
  TextEdit,
} from '../../model/types';
import type { ComposeModel } from '../../parsing/compose/composeTypes';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileTypes';
import type { KubernetesModel } from '../../parsing/kubernetes/kubernetesTypes';
import type { LineIndex } from '../../text/LineIndex';
import type { RuleOptionsSchema } from './ruleOptions';

/**
 * The same check in other tools, by tool. Only ids that really exist there are listed, so users
 * can map waivers and compare results.
 *
 * @public
 */
export interface RuleEquivalents {
  hadolint?: string;
  trivy?: string;
  checkov?: string;
  kics?: string;
  kubeLinter?: string;
  polaris?: string;
  kubeScore?: string;
}

/**
 * What a rule tells a user: everything except the check itself.
 *
 * @public
 */
export interface RuleMetadata {
  /** Stable kebab-case id; results and waivers are keyed by it. */
  id: string;
  pillar: PillarId;
  severity: Severity;
  appliesTo: readonly ContainerFileKind[];
  title: string;
  /** One-line message shown on each finding unless the check gives a more specific one. */
  message: string;
  /** Why it matters when a container is a process, not a VM. */
  rationale: string;
  remediation: { description: string; before: string; after: string };
  equivalents: RuleEquivalents;
  /**
   * Links to the peer tools' own pages for the equivalents (rule documentation or source), by
   * the same tool keys as `equivalents`.
   */
  equivalentLinks?: Partial<Record<keyof RuleEquivalents, string>>;
  /** How far the equivalents really match, when they differ in scope. */
  equivalentsNote?: string;
  options?: RuleOptionsSchema;
  /** True when findings of this rule carry an automatic fix. */
  fixable: boolean;
}

interface ParsedFileBase {
  path: string;
  content: string;
  lineIndex: LineIndex;
}

/** A parsed Dockerfile, as rules see it. @public */
export interface ParsedDockerfile extends ParsedFileBase {
  kind: 'dockerfile';
  dockerfile: DockerfileModel;
}

/** A parsed compose file, as rules see it. @public */
export interface ParsedComposeFile extends ParsedFileBase {
  kind: 'compose';
  compose: ComposeModel;
}

/** A parsed Kubernetes manifest file, as rules see it. @public */
export interface ParsedKubernetesFile extends ParsedFileBase {
  kind: 'kubernetes';
  kubernetes: KubernetesModel;
}

/** Any parsed file. @public */
export type ParsedFile =
  | ParsedDockerfile
  | ParsedComposeFile
  | ParsedKubernetesFile;

/** Settings shared by all rules. @public */
export interface RuleSettings {
  trustedRegistries: readonly string[];
}

/**
 * What the engine knows about the rest of the repository (the analysis unit) a file belongs to.
 * Empty when a file is analysed alone (`analyzeFile`).
 *
 * @public
 */
export interface RepositoryContext {
  /**
   * Image names a deploy tool of the repository builds and pins when it deploys (Skaffold's
   * `build.artifacts[].image`): a manifest naming one of them bare is not running an unpinned image.
   */
  deployToolImages: ReadonlySet<string>;
}

/**
 * What a file rule's `check` receives. `file` is narrowed to the kinds the rule applies to.
 *
 * @public
 */
export interface RuleContext<
  K extends ContainerFileKind = ContainerFileKind,
  O = Record<string, unknown>,
> {
  file: Extract<ParsedFile, { kind: K }>;
  options: O;
  settings: RuleSettings;
  /** Absent when the file is analysed without its repository. */
  repository?: RepositoryContext;
}

/**
 * One problem a check reports. The engine adds the rule id, severity, path and snippet.
 *
 * @public
 */
export interface RuleReport {
  range: SourceRange;
  /** Overrides the rule's message for this finding. */
  message?: string;
  fix?: TextEdit[];
}

/**
 * A file of a repository, for repository rules.
 *
 * @public
 */
export interface RepositoryFile {
  path: string;
  /** Present for container definitions that parsed. */
  parsed?: ParsedFile;
}

/**
 * What a repository rule's `checkRepository` receives: every path of the repository (so it can
 * notice a missing `.dockerignore`) and the parsed container definitions.
 *
 * @public
 */
export interface RepositoryRuleContext<O = Record<string, unknown>> {
  files: readonly RepositoryFile[];
  options: O;
  settings: RuleSettings;
}

/** A repository-level problem, attached to a real file. @public */
export interface RepositoryRuleReport extends RuleReport {
  path: string;
}

/**
 * A rule as the engine stores it (option types erased).
 *
 * @public
 */
export type ScorecardRule =
  | (RuleMetadata & {
      scope: 'file';
      check(context: RuleContext<any, any>): RuleReport[];
    })
  | (RuleMetadata & {
      scope: 'repository';
      checkRepository(
        context: RepositoryRuleContext<any>,
      ): RepositoryRuleReport[];
    });
