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
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}/.exec(
      text.slice(i),
    );
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    const match = braced ?? plain;
    if (!match) {
      value += char;
      continue;
    }
    const [whole, name, operator, word = ''] = match;
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
