// The one HTML escape of the project: text placed in HTML or XML (element content or a quoted
// attribute) is shown, never run. Ships to the browser (the service worker), so no node: imports.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
