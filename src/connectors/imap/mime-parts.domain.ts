/** The shape of imapflow's MessageStructureObject that matters here. */
export interface MimeNode {
  part?: string | undefined;
  type: string;
  size?: number | undefined;
  parameters?: Record<string, string> | undefined;
  disposition?: string | undefined;
  dispositionParameters?: Record<string, string> | undefined;
  childNodes?: MimeNode[] | undefined;
}

export interface MessageParts {
  /** Body part numbers to download, e.g. `1.1`. */
  text: string | null;
  html: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
}

/**
 * Where the readable bodies and the attachments of a message are: the first text/plain and
 * text/html parts that are not attachments, and every part with a file name or an attachment
 * disposition. A single-part message's body is part `1`.
 */
export function messageParts(root: MimeNode): MessageParts {
  const out: MessageParts = { text: null, html: null, attachments: [] };
  const visit = (node: MimeNode) => {
    if (node.childNodes?.length) {
      for (const child of node.childNodes) visit(child);
      return;
    }
    const type = node.type.toLowerCase();
    const filename = node.dispositionParameters?.filename ?? node.parameters?.name;
    const isAttachment = node.disposition?.toLowerCase() === 'attachment' || (filename !== undefined && !type.startsWith('text/'));
    if (isAttachment || (filename && node.disposition?.toLowerCase() !== 'inline')) {
      out.attachments.push({ filename: filename ?? 'attachment', contentType: type, size: node.size ?? 0 });
      return;
    }
    const part = node.part ?? '1';
    if (type === 'text/plain' && out.text === null) out.text = part;
    else if (type === 'text/html' && out.html === null) out.html = part;
  };
  visit(root);
  return out;
}
