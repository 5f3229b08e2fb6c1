import { TemplateError } from './templateAst';

interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

function parseVersion(text: string): Version | undefined {
  const match =
    /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      text.trim(),
    );
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    patch: Number(match[3] ?? 0),
    prerelease: match[4] ?? '',
  };
}

/** A release sorts after its prereleases; prereleases by text. */
function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}

function compare(a: Version, b: Version): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/**
 * Masterminds semver constraints as Helm's `semverCompare` checks them: `>=1.19-0`, `<1.22`,
 * `~1.2`, `^1.2`, `1.2.x`, ranges with `,` or spaces (and), `||` (or).
 */
export function compareSemver(
  constraint: string,
  versionText: string,
): boolean {
  const version = parseVersion(versionText);
  if (!version)
    throw new TemplateError(`invalid semantic version "${versionText}"`);
  return constraint.split('||').some(group =>
    group
      .split(/,|\s+(?=[<>=!~^])/)
      .map(part => part.trim())
      .filter(Boolean)
      .every(part => satisfies(part, version)),
  );
}

function satisfies(part: string, version: Version): boolean {
  const match = /^(>=|<=|!=|=>|=<|>|<|=|~>|~|\^)?\s*(.+)$/.exec(part);
  if (!match) throw new TemplateError(`improper constraint: ${part}`);
  const operator = match[1] ?? '=';
  const wildcard = /(^|\.)[xX*]/.test(match[2]);
  const target = parseVersion(
    match[2].replace(/\.[xX*]/g, '').replace(/^[xX*]$/, '0'),
  );
  if (!target) throw new TemplateError(`improper constraint: ${part}`);
  // Without a prerelease in the constraint, prerelease versions never match.
  const plain = {
    ...version,
    prerelease: target.prerelease ? version.prerelease : '',
  };
  if (version.prerelease && !target.prerelease) return false;
  const c = compare(plain, target);
  const parts = match[2].replace(/^v/, '').split('-')[0].split('.').length;
  switch (operator) {
    case '>':
      return c > 0;
    case '>=':
    case '=>':
      return c >= 0;
    case '<':
      return c < 0;
    case '<=':
    case '=<':
      return c <= 0;
    case '!=':
      return c !== 0;
    case '~':
    case '~>':
      return (
        c >= 0 &&
        (parts === 1
          ? plain.major === target.major
          : plain.major === target.major && plain.minor === target.minor)
      );
    case '^':
      return c >= 0 && plain.major === target.major;
    default:
      if (wildcard || parts < 3)
        return (
          plain.major === target.major &&
          (parts < 2 || plain.minor === target.minor)
        );
      return c === 0;
  }
}
