import { csvCell, toCsv } from './toCsv';
import type { ServiceRow } from './serviceSummaries';

describe('csvCell', () => {
  it.each([
    // A defused cell holds a quote character, so it is always quoted too (as OWASP advises).
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\tplain', `"'\tplain"`],
    ['\r=1', `"'\r=1"`],
    [' =1+1', `"' =1+1"`],
    ['   @cmd', `"'   @cmd"`],
    ['|=cmd', `"'|=cmd"`],
    [';=cmd', `"';=cmd"`],
    [' ; | -2', `"' ; | -2"`],
  ])('defuses %j as a formula', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['Checkout API', 'Checkout API'],
    ['a-b=c', 'a-b=c'],
    ['| plain', '| plain'],
    ['; plain', '; plain'],
    ['', ''],
  ])('leaves %j alone', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes cells holding the separator, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('keeps numbers as numbers, negative ones too', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('defuses a hostile title in a whole report', () => {
    const row = {
      entityRef: 'component:default/x',
      title: ' =HYPERLINK("http://evil")',
      owner: 'group:default/a',
      status: 'analysed',
      score: 50,
      grade: 'D',
      trend: -3,
      counts: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
    } as unknown as ServiceRow;
    const [, line] = toCsv([row]).split('\r\n');
    expect(line).toBe(
      `component:default/x,"' =HYPERLINK(""http://evil"")",group:default/a,analysed,50,D,-3,0,1,0,0,0,,`,
    );
  });
});
