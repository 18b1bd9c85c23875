// Vite's `?worker&url` imports: the URL of the file bundled on its own, with its imports.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
