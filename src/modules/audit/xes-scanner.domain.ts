/**
 * A streaming scanner for XES (IEEE 1849) event logs: fed text chunks, it reports traces, events
 * and their attributes without building a document. Written for XES only, it handles what XES
 * files contain — elements with attributes, comments, processing instructions, CDATA, a DOCTYPE
 * and the five predefined entities plus character references — and checks well-formedness on the
 * way (balanced tags, quoted attributes, one root element named `log`).
 *
 * Why hand-written instead of a SAX library: the scanner only materialises the `key` and `value`
 * of attribute elements; everything else is skipped with `indexOf`, so it runs several times
 * faster than a general SAX parser that allocates a node and an attribute map per element (see
 * docs/process-audit.md, "XES parser").
 */

/** Where an attribute sits: directly in `<log>`, in a `<trace>`, in an `<event>`. Nested (meta) attributes are not reported. */
export type XesScope = 'log' | 'trace' | 'event';

export interface XesHandlers {
  traceStart(line: number): void;
  traceEnd(): void;
  eventStart(line: number): void;
  eventEnd(): void;
  /** An attribute element (`string`, `date`, `int`, …) that is a direct child of the scope's element. */
  attribute(scope: XesScope, type: string, key: string, value: string, line: number, column: number): void;
}

/** A well-formedness error at a position (1-based line and column). */
export class XesSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (line ${line}, column ${column})`);
    this.name = 'XesSyntaxError';
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Element kinds on the open-element stack. */
enum Kind {
  Log,
  Trace,
  Event,
  Attribute,
  Other,
}

export class XesScanner {
  private buf = '';
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private nextNewline = -1;
  private readonly names: string[] = [];
  private readonly kinds: Kind[] = [];
  private readonly lines: number[] = [];
  private sawRoot = false;
  private rootClosed = false;

  constructor(private readonly handlers: XesHandlers) {}

  /** Scans a chunk; text after the last complete markup is kept for the next chunk. */
  write(chunk: string): void {
    // Count the lines of what is about to be dropped from the buffer.
    this.advance(this.pos);
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.lineStart -= this.pos;
    this.pos = 0;
    this.nextNewline = this.buf.indexOf('\n');
    this.scan();
  }

  /** Ends the input: everything opened must have been closed. */
  end(): void {
    const rest = this.buf.slice(this.pos);
    if (rest.trim().length > 0) {
      this.advance(this.pos + rest.search(/\S/));
      this.fail(rest.trimStart().startsWith('<') ? 'the file ends inside a tag' : 'text after the end of the document');
    }
    const open = this.names.length;
    if (open > 0) {
      this.advance(this.buf.length);
      this.fail(`the file ends before <${this.names[open - 1]}> (opened on line ${this.lines[open - 1]}) is closed`);
    }
    if (!this.sawRoot) this.fail('no <log> element: this is not an XES file');
  }

  private fail(reason: string, at = this.pos): never {
    this.advance(at);
    throw new XesSyntaxError(reason, this.line, at - this.lineStart + 1);
  }

  /** Moves the line counter up to `to`. */
  private advance(to: number): void {
    while (this.nextNewline !== -1 && this.nextNewline < to) {
      this.line += 1;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.buf.indexOf('\n', this.lineStart);
    }
  }

  private scan(): void {
    const buf = this.buf;
    for (;;) {
      const lt = buf.indexOf('<', this.pos);
      if (lt === -1) {
        this.checkText(this.pos, buf.length);
        this.pos = buf.length;
        return;
      }
      if (lt > this.pos) this.checkText(this.pos, lt);
      const next = buf.charCodeAt(lt + 1);
      let end: number;
      if (Number.isNaN(next)) end = -1;
      else if (next === 47 /* / */) end = this.closeTag(lt);
      else if (next === 63 /* ? */) end = this.skipTo(lt, '?>');
      else if (next === 33 /* ! */) end = this.declaration(lt);
      else end = this.openTag(lt);
      if (end === -1) {
        this.pos = lt;
        return;
      }
      this.pos = end;
    }
  }

  /** Text between tags: only white space is meaningful in XES (there is no element content). */
  private checkText(from: number, to: number): void {
    if (this.names.length > 0) return;
    for (let i = from; i < to; i++) {
      const c = this.buf.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) this.fail('text outside the <log> element', i);
    }
  }

  private skipTo(from: number, terminator: string): number {
    const at = this.buf.indexOf(terminator, from);
    return at === -1 ? -1 : at + terminator.length;
  }

  private declaration(lt: number): number {
    const buf = this.buf;
    if (buf.length < lt + 9) return -1;
    if (buf.startsWith('<!--', lt)) return this.skipTo(lt + 4, '-->');
    if (buf.startsWith('<![CDATA[', lt)) return this.skipTo(lt + 9, ']]>');
    if (buf.startsWith('<!DOCTYPE', lt)) {
      const bracket = buf.indexOf('[', lt);
      const close = buf.indexOf('>', lt);
      if (close === -1) return -1;
      return bracket !== -1 && bracket < close ? this.skipTo(bracket, ']>') : close + 1;
    }
    this.fail('unknown markup declaration', lt);
  }

  private closeTag(lt: number): number {
    const gt = this.buf.indexOf('>', lt);
    if (gt === -1) return -1;
    const depth = this.names.length;
    const expected = depth === 0 ? '' : (this.names[depth - 1] as string);
    // The common case without allocating: `</expected>` exactly.
    if (depth > 0 && gt === lt + 2 + expected.length && this.buf.startsWith(expected, lt + 2)) {
      this.close();
      return gt + 1;
    }
    const name = this.buf.slice(lt + 2, gt).trim();
    if (depth === 0) this.fail(`closing tag </${name}> without an opening tag`, lt);
    if (name !== expected) this.fail(`expected </${expected}> (opened on line ${this.lines[depth - 1]}), found </${name}>`, lt);
    this.close();
    return gt + 1;
  }

  private close(): void {
    const kind = this.kinds.pop();
    this.names.pop();
    this.lines.pop();
    if (kind === Kind.Event) this.handlers.eventEnd();
    else if (kind === Kind.Trace) this.handlers.traceEnd();
    else if (kind === Kind.Log) this.rootClosed = true;
  }

  /** Parses `<name a="v" …>` or `<name … />`; returns the index after it, or -1 when it continues in the next chunk. */
  private openTag(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 62) break;
      i++;
    }
    if (i >= n) return -1;
    const name = buf.slice(lt + 1, i);
    if (name.length === 0) this.fail('a tag without a name', lt);
    let key: string | null = null;
    let value: string | null = null;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = buf.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) !== 62) this.fail(`expected "/>" in <${name}>`, i);
        selfClosing = true;
        i += 2;
        break;
      }
      const attrStart = i;
      while (i < n) {
        const d = buf.charCodeAt(i);
        if (d === 61 /* = */ || isSpace(d) || d === 62 || d === 47 || d === 60 || d === 34 || d === 39) break;
        i++;
      }
      const attrEnd = i;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (buf.charCodeAt(i) !== 61 || attrEnd === attrStart) this.fail(`malformed attribute in <${name}>`, attrStart);
      i++;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = buf.charCodeAt(i);
      if (quote !== 34 && quote !== 39) this.fail(`the value of ${buf.slice(attrStart, attrEnd)} in <${name}> is not quoted`, i);
      const close = buf.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      const length = attrEnd - attrStart;
      if (length === 3 && buf.startsWith('key', attrStart)) key = this.decode(buf.slice(i + 1, close), i + 1);
      else if (length === 5 && buf.startsWith('value', attrStart)) value = this.decode(buf.slice(i + 1, close), i + 1);
      i = close + 1;
      if (i < n) {
        const d = buf.charCodeAt(i);
        if (!isSpace(d) && d !== 47 && d !== 62) this.fail(`expected a space between attributes in <${name}>`, i);
      }
    }
    this.open(name, key, value, lt);
    if (selfClosing) this.close();
    return i;
  }

  private open(name: string, key: string | null, value: string | null, lt: number): void {
    const depth = this.kinds.length;
    const parent = depth === 0 ? null : this.kinds[depth - 1];
    this.advance(lt);
    let kind: Kind;
    if (parent === null) {
      if (this.sawRoot || this.rootClosed) this.fail('a second root element after </log>', lt);
      if (name !== 'log') this.fail(`the root element is <${name}>, not <log>: this is not an XES file`, lt);
      this.sawRoot = true;
      kind = Kind.Log;
    } else if (name === 'trace' && parent === Kind.Log) {
      kind = Kind.Trace;
      this.handlers.traceStart(this.line);
    } else if (name === 'event' && (parent === Kind.Trace || parent === Kind.Log)) {
      kind = Kind.Event;
      this.handlers.eventStart(this.line);
    } else if (ATTRIBUTE_TAGS.has(name)) {
      kind = Kind.Attribute;
      if (parent === Kind.Event || parent === Kind.Trace || parent === Kind.Log) {
        if (key === null) this.fail(`<${name}> without a key attribute`, lt);
        const scope = parent === Kind.Event ? 'event' : parent === Kind.Trace ? 'trace' : 'log';
        this.handlers.attribute(scope, name, key, value ?? '', this.line, lt - this.lineStart + 1);
      }
    } else {
      kind = Kind.Other;
    }
    this.names.push(name);
    this.kinds.push(kind);
    this.lines.push(this.line);
  }

  private decode(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (match, entity: string, offset: number) => {
      if (!match.endsWith(';')) this.fail('an "&" that does not start an entity (write &amp;)', at + offset);
      if (entity.startsWith('#')) {
        const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
        if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) this.fail(`invalid character reference &${entity};`, at + offset);
        return String.fromCodePoint(code);
      }
      const text = ENTITIES[entity];
      if (text === undefined) this.fail(`unknown entity &${entity};`, at + offset);
      return text;
    });
  }
}
