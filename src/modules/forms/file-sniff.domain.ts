/** Bytes the sniffer needs to see (enough for every signature below and a text check). */
export const SNIFF_BYTES = 512;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: { type: string; bytes: number[]; at?: number }[] = [
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/bmp', bytes: ascii('BM') },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/x-msdownload', bytes: ascii('MZ') },
  { type: 'application/x-executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Office files are ZIP archives: the extension tells which kind (the content alone cannot, cheaply). */
const ZIP_KINDS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/** Text files: the extension names the kind; the content must still be text. */
const TEXT_KINDS: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  md: 'text/markdown',
};

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Valid UTF-8 without NUL or other control bytes (tab, CR, LF and form feed allowed); a cut-off last character is fine. */
function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  if (head.length === 0) return true;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  // The sample may end inside a multi-byte character: drop up to 3 trailing bytes when it was cut.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {}
  }
  return false;
}

/**
 * The content type of an upload, judged from its first bytes (never from what the client
 * declared): known signatures (PDF, PNG, JPEG, GIF, …), ZIP-based office files by extension,
 * UTF-8 text (CSV, JSON, XML, Markdown by extension, else text/plain), and otherwise
 * `application/octet-stream`. `complete` says the sample is the whole file.
 *
 * @example
 * sniffContentType(Buffer.from('%PDF-1.7 …'), 'invoice.pdf', false) // 'application/pdf'
 * sniffContentType(Buffer.from('%PDF-1.7 …'), 'photo.png', false)   // 'application/pdf'
 */
export function sniffContentType(head: Uint8Array, name: string, complete: boolean): string {
  for (const s of SIGNATURES) if (startsWith(head, s.bytes, s.at)) return s.type;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  const ext = extensionOf(name);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return ZIP_KINDS[ext] ?? 'application/zip';
  if (head.length > 0 && looksLikeText(head, complete)) return TEXT_KINDS[ext] ?? 'text/plain';
  return 'application/octet-stream';
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters, at most 255 characters. */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(0, 255) || 'upload';
}
