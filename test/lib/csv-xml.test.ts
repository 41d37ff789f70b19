// One CSV cell writer for every CSV (open data, case export, statistics) and XML text that never breaks
// a feed: spreadsheet formulas are neutralised whatever their first character, and characters XML 1.0
// forbids (a submission can carry \u0008) are dropped.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument, csvLine } from '../../src/lib/csv.ts';
import { xmlEscape } from '../../src/http/public/format.ts';

describe('csvCell', () => {
  it('neutralises every formula trigger, quotes what RFC 4180 needs, leaves numbers alone', () => {
    for (const f of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(f).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['=x', 2, null])).toBe("'=x,2,\r\n");
  });

  it('a whole file: BOM first, CRLF lines, every cell escaped', () => {
    expect(
      csvDocument([
        ['名称', '数'],
        ['+cmd', 3],
        ['a\nb', null],
      ]),
    ).toBe(`${CSV_BOM}名称,数\r\n'+cmd,3\r\n"a\nb",\r\n`);
  });
});

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML 1.0 forbids, keeping tab, newline and Chinese', () => {
    expect(xmlEscape('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(xmlEscape('退\u0008款\u0000\uFFFE\uD800好\t\n')).toBe('退款好\t\n');
    expect(xmlEscape('😀')).toBe('😀');
  });
});
