import type {
  ImageRule,
  RuleMetadata,
} from '@container-scorecard/plugin-container-scorecard-common';

/**
 * An image rule as the catalogue and SARIF list rules: the metadata of a file rule, with
 * `kind: 'image'` in place of the file kinds (an image rule checks no file) and no fix (the image
 * is rebuilt from its definition, where the file rules' fixes apply).
 */
export type ImageRuleMetadata = RuleMetadata & { kind: 'image' };

/** A rule of either kind, as the catalogue lists it. */
export type CatalogueRule = RuleMetadata & { kind?: 'image' };

export function imageRuleMetadata(rule: ImageRule): ImageRuleMetadata {
  const { check: _check, kind: _kind, ...metadata } = rule;
  return { ...metadata, appliesTo: [], fixable: false, kind: 'image' };
}

/** "dockerfile, compose" for file rules, "image" for image rules. */
export function appliesToText(rule: CatalogueRule, separator = ', '): string {
  return rule.kind === 'image' ? 'image' : rule.appliesTo.join(separator);
}

/** Every rule of the catalogue (docs/rules.md): the file rules, then the image rules. */
export function catalogueRules(
  fileRules: readonly RuleMetadata[],
  images: readonly ImageRule[],
): CatalogueRule[] {
  return [...fileRules, ...images.map(imageRuleMetadata)];
}
