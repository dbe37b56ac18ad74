const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Renders a search highlight ("Palettes <mark>bois</mark>") as safe HTML: everything is
 * escaped, then only the bare <mark> and </mark> tags the search engine adds are restored.
 * Marks are balanced so that a stray tag cannot leave the rest of the page highlighted.
 */
export function renderHighlight(highlighted: string): string {
  const escaped = escapeHtml(highlighted);
  let open = 0;
  const html = escaped.replace(/&lt;(\/?)mark&gt;/g, (_m, slash: string) => {
    if (slash) {
      if (open === 0) return '';
      open--;
      return '</mark>';
    }
    open++;
    return '<mark>';
  });
  return html + '</mark>'.repeat(open);
}
