import { CompoundEntityRef } from '@backstage/catalog-model';
import type { ScopeFilter } from '../readScorecardOptions';

type FilterObject = Record<string, string | string[]>;

/**
 * The scope filter narrowed to one entity, for asking the catalog "is this entity in scope?"
 * with the catalog's own filter semantics (dotted keys, any-of values, case-insensitive).
 *
 * A catalog filter object ANDs its keys and an array of objects ORs them. An object cannot hold
 * a key twice, so where an alternative already constrains `kind`, `metadata.namespace` or
 * `metadata.name`, the entity's value must be among its values (the alternative is dropped
 * otherwise) and then replaces them. Undefined when no alternative can match.
 */
export function scopeFilterFor(
  filter: ScopeFilter,
  entity: CompoundEntityRef,
): FilterObject[] | undefined {
  const identity: FilterObject = {
    kind: entity.kind,
    'metadata.namespace': entity.namespace,
    'metadata.name': entity.name,
  };
  const alternatives = (Array.isArray(filter) ? filter : [filter]).filter(
    alternative =>
      Object.entries(identity).every(([key, value]) =>
        allows(valueOf(alternative, key), value),
      ),
  );
  if (alternatives.length === 0) return undefined;
  return alternatives.map(alternative => {
    const narrowed: FilterObject = {};
    for (const [key, value] of Object.entries(alternative)) {
      if (!(key.toLocaleLowerCase('en-US') in lowerKeys(identity))) {
        narrowed[key] = value;
      }
    }
    return { ...narrowed, ...identity };
  });
}

/** Filter keys are case-insensitive in the catalog. */
function valueOf(
  alternative: FilterObject,
  key: string,
): string | string[] | undefined {
  const match = Object.keys(alternative).find(
    k => k.toLocaleLowerCase('en-US') === key.toLocaleLowerCase('en-US'),
  );
  return match === undefined ? undefined : alternative[match];
}

function lowerKeys(object: FilterObject): Record<string, true> {
  return Object.fromEntries(
    Object.keys(object).map(k => [k.toLocaleLowerCase('en-US'), true]),
  );
}

function allows(
  constraint: string | string[] | undefined,
  value: string | string[],
): boolean {
  if (constraint === undefined) return true;
  const wanted = String(value).toLocaleLowerCase('en-US');
  return (Array.isArray(constraint) ? constraint : [constraint]).some(
    candidate => String(candidate).toLocaleLowerCase('en-US') === wanted,
  );
}
