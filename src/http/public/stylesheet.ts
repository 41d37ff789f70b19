// The portal's stylesheet and icon, without any Node built-in, so the public pages also render on the edge
// worker (src/edge/). Whoever loads the CSS registers it here: static.ts reads the file on the office server,
// the worker imports it as text. Its URL carries a hash of the content, so it can be cached for a year and a
// new version is fetched at once.

export interface Asset {
  readonly path: string;
  readonly body: string;
}

/** 40 bits of two FNV-1a 32-bit hashes (different offsets) as 10 hex digits: a cache key, not a security check. */
export function contentHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, 10);
}

let sheet: Asset = { path: '/static/portal.css', body: '' };

/** Registers the stylesheet's text; returns it with its content-hashed path. */
export function useStylesheet(css: string): Asset {
  sheet = { path: `/static/portal-${contentHash(css)}.css`, body: css };
  return sheet;
}

/** The registered stylesheet (read at render time). */
export const stylesheet = (): Asset => sheet;

/** A shield with a tick; SVG, ~250 bytes, so browsers stop asking for /favicon.ico. */
export const ICON: Asset = {
  path: '/static/icon.svg',
  body:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<path d="M16 2 4 6v9c0 8 5 13 12 15 7-2 12-7 12-15V6z" fill="#0b4f8a"/>' +
    '<path d="m10 16 4 4 8-9" stroke="#fff" stroke-width="3" fill="none"/></svg>',
};
