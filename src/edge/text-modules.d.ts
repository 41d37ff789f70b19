// wrangler.toml bundles *.css as text (rules: type "Text"): the worker imports the portal's stylesheet.
declare module '*.css' {
  const text: string;
  export default text;
}
