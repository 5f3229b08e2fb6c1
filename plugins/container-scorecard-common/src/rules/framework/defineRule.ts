import type { ContainerFileKind } from '../../model/types';
import type { RuleOptionValues, RuleOptionsSchema } from './ruleOptions';
import type {
  RepositoryRuleContext,
  RepositoryRuleReport,
  RuleContext,
  RuleMetadata,
  RuleReport,
  ScorecardRule,
} from './ruleTypes';

type DefinitionMetadata<
  K extends ContainerFileKind,
  S extends RuleOptionsSchema,
> = Omit<RuleMetadata, 'appliesTo' | 'options' | 'fixable'> & {
  appliesTo: readonly K[];
  options?: S;
  /** Defaults to false. */
  fixable?: boolean;
};

/**
 * Defines a file rule. `appliesTo` narrows `context.file` and `options` types the option values,
 * so a Dockerfile rule reads `context.file.dockerfile` with no casts.
 *
 * @public
 */
export function defineRule<
  K extends ContainerFileKind,
  S extends RuleOptionsSchema = Record<string, never>,
>(
  definition: DefinitionMetadata<K, S> & {
    check(context: RuleContext<K, RuleOptionValues<S>>): RuleReport[];
  },
): ScorecardRule {
  return { ...definition, fixable: definition.fixable ?? false, scope: 'file' };
}

/**
 * Defines a repository rule: it sees every path of a repository and the parsed files, and
 * reports findings attached to a real file (for example a Dockerfile with no `.dockerignore`).
 *
 * @public
 */
export function defineRepositoryRule<
  S extends RuleOptionsSchema = Record<string, never>,
>(
  definition: DefinitionMetadata<ContainerFileKind, S> & {
    checkRepository(
      context: RepositoryRuleContext<RuleOptionValues<S>>,
    ): RepositoryRuleReport[];
  },
): ScorecardRule {
  return {
    ...definition,
    fixable: definition.fixable ?? false,
    scope: 'repository',
  };
}
