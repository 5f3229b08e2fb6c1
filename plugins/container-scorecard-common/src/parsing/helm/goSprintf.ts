import { formatNumber, formatValue } from './goValues';
import { TemplateError } from './templateAst';

const MAX_WIDTH = 10000;

/** Go's `fmt.Sprintf` for the verbs charts use: %s %v %d %q %t %f %g %x %X %o %c %%. */
export function goSprintf(format: string, args: unknown[]): string {
  let out = '';
  let next = 0;
  const verb = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/y;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    verb.lastIndex = percent;
    const match = verb.exec(format);
    if (!match) {
      out += '%!(NOVERB)';
      break;
    }
    i = verb.lastIndex;
    const [, flags, widthText, precisionText, letter] = match;
    if (letter === '%') {
      out += '%';
      continue;
    }
    const width = widthText ? Number(widthText) : 0;
    const precision =
      precisionText !== undefined ? Number(precisionText) : undefined;
    if (width > MAX_WIDTH || (precision ?? 0) > MAX_WIDTH)
      throw new TemplateError(`printf width above ${MAX_WIDTH}`);
    if (next >= args.length) {
      out += `%!${letter}(MISSING)`;
      continue;
    }
    const arg = args[next++];
    let text: string;
    switch (letter) {
      case 's':
      case 'v':
        if (arg === null || arg === undefined)
          text = letter === 'v' ? '<nil>' : '%!s(<nil>)';
        else text = formatValue(arg);
        if (precision !== undefined && typeof arg === 'string')
          text = text.slice(0, precision);
        break;
      case 'q':
        text = JSON.stringify(formatValue(arg));
        break;
      case 'd':
        text =
          typeof arg === 'number'
            ? String(Math.trunc(arg))
            : `%!d(${typeof arg}=${formatValue(arg)})`;
        if (flags.includes('+') && typeof arg === 'number' && arg >= 0)
          text = `+${text}`;
        break;
      case 't':
        text =
          typeof arg === 'boolean' ? String(arg) : `%!t(${formatValue(arg)})`;
        break;
      case 'f':
      case 'F':
        text = Number(arg).toFixed(precision ?? 6);
        break;
      case 'g':
        text =
          precision !== undefined
            ? String(Number(Number(arg).toPrecision(precision)))
            : formatNumber(Number(arg));
        break;
      case 'x':
      case 'X':
        text =
          typeof arg === 'number'
            ? Math.trunc(arg).toString(16)
            : Array.from(new TextEncoder().encode(formatValue(arg)), b =>
                b.toString(16).padStart(2, '0'),
              ).join('');
        if (letter === 'X') text = text.toUpperCase();
        break;
      case 'o':
        text = Math.trunc(Number(arg)).toString(8);
        break;
      case 'c':
        text = String.fromCodePoint(Math.trunc(Number(arg)));
        break;
      default:
        throw new TemplateError(`printf verb %${letter} is not supported`);
    }
    if (text.length < width) {
      const padZero =
        flags.includes('0') && !flags.includes('-') && /[dfFgxXo]/.test(letter);
      if (flags.includes('-')) text = text.padEnd(width);
      else if (padZero) {
        const sign = /^[-+]/.test(text) ? text[0] : '';
        text =
          sign + text.slice(sign.length).padStart(width - sign.length, '0');
      } else text = text.padStart(width);
    }
    out += text;
  }
  if (next < args.length)
    out += `%!(EXTRA ${args
      .slice(next)
      .map(
        a => `${typeof a === 'string' ? 'string' : typeof a}=${formatValue(a)}`,
      )
      .join(', ')})`;
  return out;
}
