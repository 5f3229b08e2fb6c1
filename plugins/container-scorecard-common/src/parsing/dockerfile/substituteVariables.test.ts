import fc from 'fast-check';
import { substituteVariables } from './substituteVariables';

/** The original regex reading (one slice of the rest of the text per `$`): the oracle. */
function substituteWithRegexes(
  text: string,
  lookup: (name: string) => string | undefined,
  escapeChar = '\\',
) {
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

const variables: Record<string, string> = { A: 'alpha', B: '', a_1: 'x$y' };
const lookup = (name: string) => variables[name];

describe('substituteVariables', () => {
  it('expands every form of reference', () => {
    expect(
      substituteVariables(
        '$A ${A} ${B:-d} ${B-d} ${A:+s} ${C+s} ${C} \\$A ${A:-x}}',
        lookup,
      ),
    ).toEqual({ value: 'alpha alpha d  s   $A alpha}', unresolved: ['C'] });
  });

  it('reads text as the regular expressions did, on any mix of the characters that matter', () => {
    const character = fc.constantFrom(
      ...[
        '$',
        '{',
        '}',
        ':',
        '-',
        '+',
        'A',
        'B',
        'a',
        '_',
        '1',
        '\\',
        '`',
        ' ',
      ],
    );
    fc.assert(
      fc.property(
        fc.array(character, { maxLength: 40 }).map(c => c.join('')),
        fc.constantFrom('\\', '`'),
        (text, escape) => {
          expect(substituteVariables(text, lookup, escape)).toEqual(
            substituteWithRegexes(text, lookup, escape),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads 100,000 nested or unclosed references in one pass (each used to copy the rest of the text)', () => {
    const opened = '${A:-'.repeat(100_000);
    expect(substituteVariables(`${opened}}`, lookup).value).toBe('alpha');
    expect(substituteVariables(opened, lookup).value).toBe(opened);
  });
});
