// The receipt picture as a PNG, rasterised on the server with resvg (@resvg/resvg-js: the renderer's
// binary ships in the npm package, no browser and no system library). Phones and WeChat keep a PNG;
// they do not keep an SVG. Rendering runs on libuv's thread pool (renderAsync), not the event loop.
// The module is loaded on first use: a platform without the binary only loses the picture.

/** Twice the SVG's size: sharp on a phone's screen. */
const ZOOM = 2;

type Resvg = typeof import('@resvg/resvg-js');
let loaded: Promise<Resvg | null> | null = null;
const resvg = (): Promise<Resvg | null> => {
  loaded ??= import('@resvg/resvg-js').catch(() => null);
  return loaded;
};

/** The SVG as PNG bytes, or null when no rasteriser is available on this platform. */
export async function svgToPng(svg: string): Promise<Buffer | null> {
  const r = await resvg();
  if (!r) return null;
  const img = await r.renderAsync(svg, {
    fitTo: { mode: 'zoom', value: ZOOM },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' },
  });
  return img.asPng();
}
