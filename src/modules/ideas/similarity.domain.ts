const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our that the this to was we were will with ' +
    'i my me you your they them their he she his her not no do does did can so but if then than when which who all each per'
  ).split(' '),
);

/**
 * The terms of a text: lower-cased words (letters and digits, stop words dropped, length ≥ 2),
 * prefixed `w:`, and the character 3-grams of each word padded with spaces, prefixed `c:`.
 * Words catch the same vocabulary; 3-grams catch spelling variants, plurals and compounds
 * ("invoice" / "invoices" / "invoicing" share `c:inv`, `c:nvo`, `c:voi`).
 */
export function terms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const word of text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    add(`w:${word}`);
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`);
  }
  return counts;
}

interface Doc {
  /** term → 1 + ln(tf) */
  weights: Map<string, number>;
  /** The vector's length under the idf of the moment it was last normed. */
  norm: number;
}

export interface SimilarHit {
  id: string;
  /** Cosine similarity, 0–1. */
  score: number;
}

/**
 * An in-memory TF-IDF index with cosine similarity over word and character 3-gram terms:
 *
 *   w(t, d) = (1 + ln tf(t, d)) × idf(t),  idf(t) = ln(1 + N / df(t))
 *   sim(q, d) = Σ_t w(t, q) w(t, d) / (|q| |d|)
 *
 * Lookups walk the inverted index (term → documents), so they touch only documents that share a
 * term with the query. Document norms are cached and recomputed for every document when the
 * collection has grown or shrunk by 10 % since the last pass (idf drifts slowly); a document
 * added or changed in between is normed with the idf of its own moment.
 */
export class SimilarityIndex {
  private readonly docs = new Map<string, Doc>();
  private readonly postings = new Map<string, Map<string, number>>();
  private normedAt = 0;

  get size(): number {
    return this.docs.size;
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return df === 0 ? 0 : Math.log(1 + this.docs.size / df);
  }

  private normOf(weights: Map<string, number>): number {
    let sum = 0;
    for (const [t, w] of weights) {
      const x = w * this.idf(t);
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** Adds a document or replaces its text. */
  upsert(id: string, text: string): void {
    this.remove(id);
    const weights = new Map<string, number>();
    for (const [t, tf] of terms(text)) {
      weights.set(t, 1 + Math.log(tf));
      let posting = this.postings.get(t);
      if (!posting) {
        posting = new Map();
        this.postings.set(t, posting);
      }
      posting.set(id, 1 + Math.log(tf));
    }
    const doc: Doc = { weights, norm: 0 };
    this.docs.set(id, doc);
    if (Math.abs(this.docs.size - this.normedAt) > Math.max(10, this.normedAt * 0.1)) this.renorm();
    else doc.norm = this.normOf(weights);
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const t of doc.weights.keys()) {
      const posting = this.postings.get(t);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(t);
    }
    this.docs.delete(id);
  }

  private renorm(): void {
    for (const doc of this.docs.values()) doc.norm = this.normOf(doc.weights);
    this.normedAt = this.docs.size;
  }

  /** The `limit` documents most similar to `text` with a score of at least `minScore`, best first. */
  search(text: string, limit = 5, minScore = 0.1, exclude?: ReadonlySet<string>): SimilarHit[] {
    const query = new Map<string, number>();
    for (const [t, tf] of terms(text)) {
      const idf = this.idf(t);
      if (idf > 0) query.set(t, (1 + Math.log(tf)) * idf);
    }
    let qNorm = 0;
    for (const w of query.values()) qNorm += w * w;
    qNorm = Math.sqrt(qNorm);
    if (qNorm === 0) return [];
    const dots = new Map<string, number>();
    for (const [t, qw] of query) {
      const idf = this.idf(t);
      for (const [id, dw] of this.postings.get(t) ?? []) dots.set(id, (dots.get(id) ?? 0) + qw * dw * idf);
    }
    const hits: SimilarHit[] = [];
    for (const [id, dot] of dots) {
      if (exclude?.has(id)) continue;
      const norm = this.docs.get(id)?.norm ?? 0;
      if (norm === 0) continue;
      const score = Math.min(1, dot / (qNorm * norm));
      if (score >= minScore) hits.push({ id, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return hits.slice(0, limit).map((h) => ({ id: h.id, score: Math.round(h.score * 1000) / 1000 }));
  }
}
