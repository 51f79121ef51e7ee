// graphql-ws publishes these entry points only through package.json "exports", which the
// project's `node` module resolution does not read. Node, tsx and jest do read it at run time;
// this only tells TypeScript where their types are.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
declare module 'graphql-ws/client' {
  export * from 'graphql-ws/dist/client.cjs';
}
