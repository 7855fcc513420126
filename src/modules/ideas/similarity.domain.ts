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
}

/** The documents holding a term: parallel arrays of document slots and their term weights. */
interface Posting {
  slots: number[];
  weights: number[];
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
 * Lookups walk the inverted index (term → documents) into a typed-array accumulator, so they
 * touch only documents that share a term with the query. Document norms are cached and
 * recomputed for every document when the collection has grown or shrunk by 10 % since the
 * last pass (idf drifts slowly); a document added or changed in between is normed with the
 * idf of its own moment.
 */
export class SimilarityIndex {
  private readonly slotOf = new Map<string, number>();
  private ids: (string | null)[] = [];
  private docs: (Doc | null)[] = [];
  private norms = new Float64Array(1024);
  private readonly free: number[] = [];
  private readonly postings = new Map<string, Posting>();
  private normedAt = 0;

  get size(): number {
    return this.slotOf.size;
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.slots.length ?? 0;
    return df === 0 ? 0 : Math.log(1 + this.slotOf.size / df);
  }

  private normOf(weights: Map<string, number>): number {
    let sum = 0;
    for (const [t, w] of weights) {
      const x = w * this.idf(t);
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** Adds or replaces many documents, norming once at the end (the first load of an index). */
  upsertMany(docs: Iterable<{ id: string; text: string }>): void {
    for (const d of docs) this.upsert(d.id, d.text, true);
    this.renorm();
  }

  /** Adds a document or replaces its text. */
  upsert(id: string, text: string, deferNorm = false): void {
    this.remove(id);
    const slot = this.free.pop() ?? this.ids.length;
    if (slot >= this.norms.length) {
      const grown = new Float64Array(this.norms.length * 2);
      grown.set(this.norms);
      this.norms = grown;
    }
    const weights = new Map<string, number>();
    for (const [t, tf] of terms(text)) {
      const w = 1 + Math.log(tf);
      weights.set(t, w);
      let posting = this.postings.get(t);
      if (!posting) {
        posting = { slots: [], weights: [] };
        this.postings.set(t, posting);
      }
      posting.slots.push(slot);
      posting.weights.push(w);
    }
    this.ids[slot] = id;
    this.docs[slot] = { weights };
    this.slotOf.set(id, slot);
    if (deferNorm) return;
    if (Math.abs(this.slotOf.size - this.normedAt) > Math.max(10, this.normedAt * 0.1)) this.renorm();
    else this.norms[slot] = this.normOf(weights);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const t of this.docs[slot]?.weights.keys() ?? []) {
      const posting = this.postings.get(t);
      if (!posting) continue;
      const i = posting.slots.indexOf(slot);
      const last = posting.slots.length - 1;
      // Swap with the last entry: order inside a posting does not matter.
      posting.slots[i] = posting.slots[last] as number;
      posting.weights[i] = posting.weights[last] as number;
      posting.slots.pop();
      posting.weights.pop();
      if (posting.slots.length === 0) this.postings.delete(t);
    }
    this.slotOf.delete(id);
    this.ids[slot] = null;
    this.docs[slot] = null;
    this.norms[slot] = 0;
    this.free.push(slot);
  }

  private renorm(): void {
    this.docs.forEach((doc, slot) => {
      this.norms[slot] = doc ? this.normOf(doc.weights) : 0;
    });
    this.normedAt = this.slotOf.size;
  }

  /** The `limit` documents most similar to `text` with a score of at least `minScore`, best first. */
  search(text: string, limit = 5, minScore = 0.1, exclude?: ReadonlySet<string>): SimilarHit[] {
    let qNorm = 0;
    const query: [Posting, number][] = [];
    for (const [t, tf] of terms(text)) {
      const posting = this.postings.get(t);
      if (!posting) continue;
      const idf = this.idf(t);
      const qw = (1 + Math.log(tf)) * idf;
      qNorm += qw * qw;
      query.push([posting, qw * idf]);
    }
    qNorm = Math.sqrt(qNorm);
    if (qNorm === 0) return [];
    const dots = new Float64Array(this.ids.length);
    const touched: number[] = [];
    for (const [posting, factor] of query) {
      const { slots, weights } = posting;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as number;
        if (dots[slot] === 0) touched.push(slot);
        dots[slot] = (dots[slot] as number) + factor * (weights[i] as number);
      }
    }
    // Keep the best `limit` by insertion: far fewer than the candidates.
    const hits: SimilarHit[] = [];
    const better = (a: SimilarHit, b: SimilarHit) => a.score > b.score || (a.score === b.score && a.id < b.id);
    for (const slot of touched) {
      const id = this.ids[slot];
      const norm = this.norms[slot] as number;
      if (!id || norm === 0 || exclude?.has(id)) continue;
      const hit = { id, score: Math.min(1, (dots[slot] as number) / (qNorm * norm)) };
      if (hit.score < minScore) continue;
      if (hits.length === limit && !better(hit, hits[limit - 1] as SimilarHit)) continue;
      let i = hits.length === limit ? limit - 1 : hits.length;
      while (i > 0 && better(hit, hits[i - 1] as SimilarHit)) {
        hits[i] = hits[i - 1] as SimilarHit;
        i--;
      }
      hits[i] = hit;
    }
    return hits.slice(0, limit).map((h) => ({ id: h.id, score: Math.round(h.score * 1000) / 1000 }));
  }
}
