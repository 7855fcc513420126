import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XesScanner, XesSyntaxError } from './xes-scanner.domain.ts';

/** Scans `text` in chunks of `size` characters and records what the scanner reports. */
function scan(text: string, size = text.length): string[] {
  const out: string[] = [];
  const scanner = new XesScanner({
    traceStart: (line) => out.push(`trace@${line}`),
    traceEnd: () => out.push('/trace'),
    eventStart: (line) => out.push(`event@${line}`),
    eventEnd: () => out.push('/event'),
    attribute: (scope, type, key, value, line, column) => out.push(`${scope} ${type} ${key}=${value} @${line}:${column}`),
  });
  for (let i = 0; i < text.length; i += size) scanner.write(text.slice(i, i + size));
  scanner.end();
  return out;
}

function syntaxError(text: string): XesSyntaxError {
  try {
    scan(text);
  } catch (error) {
    assert.ok(error instanceof XesSyntaxError, String(error));
    return error;
  }
  assert.fail('no error');
}

const LOG = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- a comment with <event> inside -->
<log xes.version="1.0">
\t<global scope="event"><string key="concept:name" value="name"/></global>
\t<string key="creator" value="x"/>
\t<trace>
\t\t<string key="concept:name" value="c &amp; 1"/>
\t\t<event>
\t\t\t<string key="concept:name" value="a &lt;b&gt; &#233;&#x4E2D;"/>
\t\t\t<date key="time:timestamp" value="2010-12-30T14:32:00.000+01:00"/>
\t\t\t<string key = 'org:resource' value='Pete "P"'><string key="meta" value="ignored"/></string>
\t\t\t<![CDATA[ <event> ]]>
\t\t</event>
\t</trace>
</log>
`;

describe('XesScanner', () => {
  it('reports traces, events and their direct attributes with lines and columns, decoding entities', () => {
    assert.deepEqual(scan(LOG), [
      'log string creator=x @5:2',
      'trace@6',
      'trace string concept:name=c & 1 @7:3',
      'event@8',
      'event string concept:name=a <b> é中 @9:4',
      'event date time:timestamp=2010-12-30T14:32:00.000+01:00 @10:4',
      'event string org:resource=Pete "P" @11:4',
      '/event',
      '/trace',
    ]);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const whole = scan(LOG);
    for (const size of [1, 2, 3, 7, 64]) assert.deepEqual(scan(LOG, size), whole, `chunks of ${size}`);
  });

  it('names the line and column of a mismatched closing tag', () => {
    const e = syntaxError('<log>\n<trace>\n  <event>\n  </trace>\n</log>');
    assert.equal(e.line, 4);
    assert.equal(e.column, 3);
    assert.match(e.reason, /expected <\/event> \(opened on line 3\), found <\/trace>/);
  });

  it('refuses unquoted attributes, stray ampersands, text outside the root and a second root', () => {
    assert.match(syntaxError('<log>\n<trace><string key=a value="b"/></trace></log>').reason, /not quoted/);
    assert.match(syntaxError('<log><trace><string key="a" value="b & c"/></trace></log>').reason, /&amp;/);
    assert.match(syntaxError('<log></log>\noops').reason, /outside the <log> element|after the end/);
    assert.match(syntaxError('<log></log><log></log>').reason, /second root/);
    assert.match(syntaxError('<log><trace><string value="b"/></trace></log>').reason, /without a key/);
  });

  it('refuses a file that is not XES or ends early', () => {
    assert.match(syntaxError('<html><body/></html>').reason, /root element is <html>/);
    assert.match(syntaxError('').reason, /no <log> element/);
    const truncated = syntaxError('<log>\n<trace>\n<event>\n<string key="a" val');
    assert.match(truncated.reason, /ends inside a tag/);
    assert.equal(truncated.line, 4);
    assert.match(syntaxError('<log>\n<trace>\n').reason, /before <trace> \(opened on line 2\) is closed/);
  });
});
