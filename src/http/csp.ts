// Content-Security-Policies shared by several surfaces (the portal, the public results, the back office).

/** The portal's Content-Security-Policy: no script may run, nothing may load from another origin. */
export const PORTAL_CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};
