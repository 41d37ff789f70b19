// The accessibility audit shared by the portal's and the public results' browser tests (run with
// page.evaluate): unlabeled controls, dangling aria-describedby, contrast below AA, horizontal scroll, lang, one h1.

/** Problems found on the current page: unlabeled controls, dangling aria-describedby, low contrast, overflow. */
export const AUDIT = `(() => {
  const problems = [];
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return { r: 255, g: 255, b: 255, a: 0 };
    const [r, g, b, a = 1] = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const text = [...el.labels].map((l) => l.textContent.trim()).join('');
    if (!text) problems.push('no label: ' + (el.name || el.id));
  }
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\\s+/)) if (!document.getElementById(id)) problems.push('aria-describedby points at nothing: ' + id);
  }
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width <= 1 || r.height <= 1 || r.right < 0 || cs.visibility === 'hidden' || el.closest('option')) continue;
    const ratio = (Math.max(lum(parse(cs.color)), lum(bgOf(el))) + 0.05) / (Math.min(lum(parse(cs.color)), lum(bgOf(el))) + 0.05);
    const size = parseFloat(cs.fontSize);
    const large = size >= 24 || (Number(cs.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + el.textContent.trim().slice(0, 20) + '"');
  }
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('horizontal scroll: ' + document.documentElement.scrollWidth + 'px');
  if (document.documentElement.lang !== 'zh-CN') problems.push('lang');
  if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count');
  return problems;
})()`;
