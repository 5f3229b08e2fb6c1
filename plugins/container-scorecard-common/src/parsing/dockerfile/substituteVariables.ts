/** `${NAME`, `$NAME`: sticky, matched where the `$` stands without copying the rest of the text. */
const BRACED_NAME = /\$\{([A-Za-z_][A-Za-z0-9_]*)/y;
const PLAIN = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
const OPERATOR = /:?[-+]/y;

interface Reference {
  whole: string;
  name: string;
  operator?: string;
  word: string;
}

/**
 * The variable reference at `index` (a `$`), as `/^\$\{(NAME)(?:(:?[-+])([^}]*))?\}/` or
 * `/^\$(NAME)/` would read it from there. Written out because those patterns, applied to
 * `text.slice(index)`, cost the rest of the text at every `$`: quadratic in a word full of them.
 * `closingBrace` finds the first `}` at or after a position, amortised over the whole text.
 */
function referenceAt(
  text: string,
  index: number,
  closingBrace: (from: number) => number,
): Reference | undefined {
  BRACED_NAME.lastIndex = index;
  const braced = BRACED_NAME.exec(text);
  if (braced) {
    const afterName = index + braced[0].length;
    if (text[afterName] === '}')
      return { whole: `${braced[0]}}`, name: braced[1], word: '' };
    OPERATOR.lastIndex = afterName;
    const operator = OPERATOR.exec(text);
    if (operator) {
      const wordStart = afterName + operator[0].length;
      const end = closingBrace(wordStart);
      if (end >= 0)
        return {
          whole: text.slice(index, end + 1),
          name: braced[1],
          operator: operator[0],
          word: text.slice(wordStart, end),
        };
    }
    return undefined; // `${` that is not a reference: a plain `$NAME` cannot start with `{`
  }
  PLAIN.lastIndex = index;
  const plain = PLAIN.exec(text);
  return plain ? { whole: plain[0], name: plain[1], word: '' } : undefined;
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}` and
 * `${NAME+alt}` the way the Dockerfile frontend does. Names the lookup does not know are reported
 * in `unresolved` and expand to the empty string, like BuildKit does.
 */
export function substituteVariables(
  text: string,
  lookup: (name: string) => string | undefined,
  escapeChar = '\\',
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let value = '';
  let braceAt = -1;
  const closingBrace = (from: number) => {
    if (braceAt !== -2 && braceAt < from) braceAt = text.indexOf('}', from);
    if (braceAt === -1) braceAt = -2; // none left: never search again
    return braceAt === -2 ? -1 : braceAt;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === escapeChar && text[i + 1] === '$') {
      value += '$';
      i++;
      continue;
    }
    if (char !== '$') {
      value += char;
      continue;
    }
    const reference = referenceAt(text, i, closingBrace);
    if (!reference) {
      value += char;
      continue;
    }
    const { whole, name, operator, word } = reference;
    const current = lookup(name);
    const isSet = current !== undefined;
    const isNonEmpty = isSet && current !== '';
    if (operator === ':-') value += isNonEmpty ? current : word;
    else if (operator === '-') value += isSet ? current : word;
    else if (operator === ':+') value += isNonEmpty ? word : '';
    else if (operator === '+') value += isSet ? word : '';
    else if (isSet) value += current;
    else unresolved.push(name);
    i += whole.length - 1;
  }
  return { value, unresolved };
}
