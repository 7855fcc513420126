import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInline, parseMarkdown, safeHref } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, lists and fenced code', () => {
    const blocks = parseMarkdown('# Setup\n\nFirst line\nsecond line\n\n- one\n- two\n  more\n\n1. a\n2. b\n\n```\n<b>x</b>\n```');
    assert.deepEqual(blocks, [
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Setup' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two more' }]],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] },
      { type: 'code', text: '<b>x</b>' },
    ]);
  });

  it('keeps raw HTML as text, never as markup', () => {
    assert.deepEqual(parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>'), [
      { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('ends a paragraph where a heading or list starts', () => {
    const blocks = parseMarkdown('Intro\n## Next\n- item');
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['paragraph', 'heading', 'list'],
    );
  });
});

describe('parseInline', () => {
  it('reads bold, italic, inline code and links', () => {
    assert.deepEqual(parseInline('**Bold** and *it* or _it_ with `x*y` [docs](https://example.com/a)'), [
      { type: 'strong', children: [{ type: 'text', text: 'Bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'it' }] },
      { type: 'text', text: ' or ' },
      { type: 'em', children: [{ type: 'text', text: 'it' }] },
      { type: 'text', text: ' with ' },
      { type: 'code', text: 'x*y' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://example.com/a', children: [{ type: 'text', text: 'docs' }] },
    ]);
  });

  it('drops links to javascript: and data: targets but keeps their labels', () => {
    assert.deepEqual(parseInline('[click](javascript:alert(1)) [img](data:text/html,x)'), [
      { type: 'text', text: 'click' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'img' },
    ]);
  });

  it('treats escaped markers and lone stars as text', () => {
    assert.deepEqual(parseInline('2 \\* 3 = 6, a * b'), [{ type: 'text', text: '2 * 3 = 6, a * b' }]);
  });
});

describe('safeHref', () => {
  it('allows web, mail and in-app links only', () => {
    assert.equal(safeHref('https://x.example'), true);
    assert.equal(safeHref('mailto:a@b.example'), true);
    assert.equal(safeHref('/workflows/1'), true);
    assert.equal(safeHref('//evil.example'), false);
    assert.equal(safeHref(' JavaScript:alert(1)'), false);
    assert.equal(safeHref('vbscript:x'), false);
  });
});
