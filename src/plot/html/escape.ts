/**
 * Text that goes into HTML. Inline scripts end at the first `</script` and switch parser
 * state at `<!--` and `<script` (HTML Living Standard §13.2.5.4, script data states), so
 * every `<` inside a script body is written as `\u003C`, which means `<` in JavaScript
 * strings, regular expressions and template literals alike and is also valid JSON.
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A value as JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003C').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * JavaScript source made safe inside a <script> element. Only `<` followed by `/script`,
 * `script` or `!--` is rewritten (as `\u003C`), which is only correct inside string,
 * regex or template literals: in the plotly.js bundle these sequences occur only there.
 */
export function scriptSource(js: string): string {
  return js.replace(/<(?=\/script|script|!--)/gi, '\\u003C');
}

/** Paragraphs of plain text (blank-line separated) as HTML. */
export function paragraphs(text: string | undefined): string {
  if (!text?.trim()) return '';
  return text.trim().split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' '))}</p>`).join('\n');
}
