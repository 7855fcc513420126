import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimilarityIndex, terms } from './similarity.domain.ts';

describe('terms', () => {
  it('holds words without stop words, and padded character 3-grams', () => {
    const t = terms('The invoices');
    assert.equal(t.get('w:invoices'), 1);
    assert.equal(t.has('w:the'), false);
    assert.equal(t.get('c: in'), 1);
    assert.equal(t.get('c:es '), 1);
  });
});

describe('SimilarityIndex', () => {
  const index = new SimilarityIndex();
  index.upsert('a', 'Copy supplier invoices from e-mail into the accounting system');
  index.upsert('b', 'Onboarding checklist for new employees: accounts, laptop, badge');
  index.upsert('c', 'Weekly sales report from the web shop orders');
  index.upsert('d', 'Book holiday requests in the HR calendar');

  it('ranks an obvious duplicate first, even reworded', () => {
    const hits = index.search('Enter supplier invoice e-mails in accounting');
    assert.equal(hits[0]?.id, 'a');
    assert.ok((hits[0]?.score ?? 0) > 0.3);
    assert.ok(hits.every((h, i) => i === 0 || h.score <= (hits[i - 1]?.score ?? 1)));
  });

  it('gives an identical text a similarity of 1', () => {
    assert.equal(index.search('Weekly sales report from the web shop orders')[0]?.score, 1);
  });

  it('finds nothing for unrelated text and for empty text', () => {
    assert.deepEqual(index.search('zebra quantum'), []);
    assert.deepEqual(index.search(''), []);
  });

  it('forgets removed documents and re-indexes replaced ones', () => {
    const i2 = new SimilarityIndex();
    i2.upsert('x', 'paper forms for travel expenses');
    i2.upsert('y', 'travel expenses claims');
    i2.remove('x');
    assert.ok(!i2.search('paper forms travel').some((h) => h.id === 'x'));
    i2.upsert('y', 'paper forms');
    assert.equal(i2.search('paper forms')[0]?.id, 'y');
    assert.equal(i2.size, 1);
  });

  it('leaves out excluded ids', () => {
    assert.notEqual(index.search('supplier invoices', 5, 0.1, new Set(['a']))[0]?.id, 'a');
  });

  it('loads many documents at once with the same ranking as one by one', () => {
    const texts = ['invoice scanning', 'invoice booking', 'order entry', 'holiday planning', 'order confirmation'];
    const many = new SimilarityIndex();
    many.upsertMany(texts.map((text, i) => ({ id: String(i), text })));
    const one = new SimilarityIndex();
    texts.forEach((text, i) => {
      one.upsert(String(i), text);
    });
    const ids = (index: SimilarityIndex) => index.search('invoice orders').map((h) => h.id);
    assert.deepEqual(ids(many), ids(one));
    assert.deepEqual(ids(many).slice(0, 2).sort(), ['0', '1']);
    assert.equal(many.size, 5);
  });
});
