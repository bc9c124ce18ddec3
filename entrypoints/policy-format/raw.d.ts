/** Vite's `?raw` import: a file's text, bundled. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
