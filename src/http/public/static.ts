// The portal's only static assets: one stylesheet and a tiny icon, read once at start. The stylesheet's
// URL carries a hash of its content, so it can be cached for a year and a new version is fetched at once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('./static/portal.css', import.meta.url), 'utf8');

export const STYLESHEET = {
  path: `/static/portal-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
  body: css,
} as const;

/** A shield with a tick; SVG, ~250 bytes, so browsers stop asking for /favicon.ico. */
export const ICON = {
  path: '/static/icon.svg',
  body:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<path d="M16 2 4 6v9c0 8 5 13 12 15 7-2 12-7 12-15V6z" fill="#0b4f8a"/>' +
    '<path d="m10 16 4 4 8-9" stroke="#fff" stroke-width="3" fill="none"/></svg>',
} as const;
