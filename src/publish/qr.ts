// QR codes as small inline SVG, generated at build time with the `qrcode` library (no network).
// Each distinct text is encoded once per process: an entry appears in its field's handbook and in the
// whole handbook, and the build renders both from the same memo.
import QRCode from 'qrcode';
import { escapeHtml } from './escape-html.ts';

/** Quiet zone around the symbol, in modules (the standard asks for 4). */
export const QR_MARGIN = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `dark(row, col)` is true for a dark module. */
  dark(row: number, col: number): boolean;
}

/**
 * Encodes `text` in byte mode, error correction level M, mask pattern 0. The library's defaults (search
 * for the smallest mix of segment modes, then score all 8 masks) cost 15x the time for a URL and gain
 * nothing a reader sees: every entry page carries a code, so at 10,000 entries that was several seconds
 * of the build (BENCHMARKS.md). Any mask is valid for readers; the tests decode every printed code.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * One SVG path drawing the dark modules row by row as horizontal strokes of width 1 (`M`/`m` moves and
 * `h` runs), which keeps the markup to a few hundred bytes for an entry URL.
 */
export function qrPath(m: QrMatrix, margin = QR_MARGIN): string {
  // An array joined once: `+=` on a memoised string keeps it as a rope of small pieces (~12x the memory).
  const d: string[] = [];
  for (let row = 0; row < m.size; row++) {
    let lastEnd: number | undefined;
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col++;
      d.push(lastEnd === undefined ? `M${start + margin} ${row + margin}.5` : `m${start - lastEnd} 0`);
      d.push(`h${col - start}`);
      lastEnd = col;
    }
  }
  return d.join('');
}

/** The SVG element for `text`; `label` becomes its accessible name. */
export function qrSvgUncached(text: string, label = text, className = 'qr'): string {
  const m = qrMatrix(text);
  const side = m.size + 2 * QR_MARGIN;
  return (
    `<svg class="${escapeHtml(className)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escapeHtml(label)}"` +
    ` shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path stroke="#000" stroke-width="1" d="${qrPath(m)}"/></svg>`
  );
}

const memo = new Map<string, string>();

/** Memoised {@link qrSvgUncached}: each text is encoded once per build. */
export function qrSvg(text: string, label = text, className = 'qr'): string {
  const key = `${className}\u0000${label}\u0000${text}`;
  let svg = memo.get(key);
  if (svg === undefined) {
    svg = qrSvgUncached(text, label, className);
    memo.set(key, svg);
  }
  return svg;
}

/** How many QR codes have been generated in this process (for tests and build statistics). */
export const qrMemoSize = () => memo.size;
