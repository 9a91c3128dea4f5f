/// <reference types="astro/client" />

// Plain `tsc` (npm run check) does not read .astro files; TypeScript modules that import a component
// (src/components/mdx/index.ts) see it through this declaration.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
