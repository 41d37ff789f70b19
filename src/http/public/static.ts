// The portal's only static assets on the office server: the stylesheet, read once at start and registered
// with stylesheet.ts (which the pages read, Node-free for the edge worker), and the icon.
import { readFileSync } from 'node:fs';
import { useStylesheet } from './stylesheet.ts';

export const STYLESHEET = useStylesheet(readFileSync(new URL('./static/portal.css', import.meta.url), 'utf8'));

export { ICON } from './stylesheet.ts';
