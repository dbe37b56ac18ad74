import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHighlight } from './highlight';

describe('renderHighlight', () => {
  it('keeps the search engine marks', () => {
    expect(renderHighlight('<mark>Palett</mark>es bois')).toBe('<mark>Palett</mark>es bois');
  });

  it('escapes every other tag and attribute', () => {
    const html = renderHighlight('<img src=x onerror="alert(1)"><mark>bois</mark> & <script>x()</script>');
    expect(html).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<mark>bois</mark> &amp; &lt;script&gt;x()&lt;/script&gt;');
    expect(html).not.toMatch(/<(img|script)/);
  });

  it('does not let a mark with attributes through', () => {
    expect(renderHighlight('<mark onclick="x()">a</mark>')).toBe('&lt;mark onclick=&quot;x()&quot;&gt;a');
  });

  it('balances stray marks so the rest of the page is not highlighted', () => {
    expect(renderHighlight('a <mark>b')).toBe('a <mark>b</mark>');
    expect(renderHighlight('a</mark> b')).toBe('a b');
  });

  it('escapes quotes', () => {
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});
