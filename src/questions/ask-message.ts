// The structured email a question travels in: built by the ask form (in the browser, so no node:
// imports here) and read back by `npm run question -- add --from-email`, so a unit files it in one
// step. Also reads the `name=value` lines a plain form without JavaScript sends (enctype text/plain).

export interface AskMessage {
  field: string;
  question: string;
  asked_by: string;
  contact?: string;
}

export const ASK_LABELS = {
  field: 'Lĩnh vực',
  asked_by: 'Nơi hỏi',
  contact: 'Liên hệ',
  question: 'Câu hỏi',
} as const;

/** Subject line: the site name, then the field id in brackets so it can be filed by rule. */
export function askSubject(siteName: string, fieldId: string, fieldName: string): string {
  return `[${siteName}] Câu hỏi mới – ${fieldName} [${fieldId}]`;
}

/** Body: one labelled line per value, the question last (it may span lines). */
export function askBody(m: AskMessage, fieldName: string): string {
  return [
    `${ASK_LABELS.field}: ${fieldName} [${m.field}]`,
    `${ASK_LABELS.asked_by}: ${m.asked_by}`,
    ...(m.contact ? [`${ASK_LABELS.contact}: ${m.contact}`] : []),
    `${ASK_LABELS.question}:`,
    m.question.trim(),
  ].join('\n');
}

/**
 * `mailto:` URL with subject and body percent-encoded (RFC 6068): encodeURIComponent writes spaces as
 * %20, never "+", which mail clients would show literally; line breaks become CRLF.
 */
export function askMailto(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}

/**
 * Reads a question back from an email body (the form's structured format, or the `key=value` lines
 * of a form sent without JavaScript). Returns the values found; the caller reports what is missing.
 */
export function parseAskMessage(text: string): Partial<AskMessage> {
  const lines = repairDoubleUtf8(text).replace(/\r\n?/g, '\n').split('\n');
  const out: Partial<AskMessage> = {};
  const byLabel = new Map<string, keyof AskMessage>(Object.entries(ASK_LABELS).map(([k, v]) => [v.toLowerCase(), k as keyof AskMessage]));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^>\s?/, '');
    const plain = /^(field|question|asked_by|contact)=(.*)$/.exec(line);
    if (plain) {
      const key = plain[1] as keyof AskMessage;
      // A plain-form question may continue on the following lines until the next key=value line.
      let value = plain[2];
      while (key === 'question' && i + 1 < lines.length && !/^(field|question|asked_by|contact)=/.test(lines[i + 1])) value += `\n${lines[++i]}`;
      out[key] = value.trim();
      continue;
    }
    const labelled = /^([^:]{2,20}):\s*(.*)$/.exec(line);
    const key = labelled && byLabel.get(labelled[1].trim().toLowerCase().normalize('NFC'));
    if (!labelled || !key) continue;
    if (key === 'question') {
      const rest = [labelled[2], ...lines.slice(i + 1).map((l) => l.replace(/^>\s?/, ''))].join('\n');
      out.question = rest.split(/\n-- ?\n/)[0].trim();
      break;
    }
    const value = labelled[2].trim();
    out[key] = key === 'field' ? (/\[([a-z0-9-]+)\]\s*$/.exec(value)?.[1] ?? value) : value;
  }
  return out;
}

/** Windows-1252 characters of bytes 0x80–0x9F (the other bytes map to the same code point). */
const CP1252: Record<string, number> = Object.fromEntries(
  [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c, i) => [c, [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f][i]]),
);

/**
 * Chromium sends a plain `mailto:` form (enctype text/plain, no JavaScript) with the body's UTF-8 bytes
 * read as Windows-1252 and encoded again: "Trồng" arrives as "Trá»“ng". (It also turns "&" into a line
 * break, which cannot be undone.) Text made only of such characters that is itself valid UTF-8 is
 * decoded once more; real Vietnamese text (letters outside that set, or invalid as UTF-8) is kept.
 */
export function repairDoubleUtf8(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    const byte = code <= 0xff ? code : CP1252[c];
    if (byte === undefined) return text;
    bytes.push(byte);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}
