/**
 * comlink's Node adapter ships its types as node-adapter.d.ts beside node-adapter.mjs, which TypeScript does
 * not pair with the .mjs file: this names them for the import the Node pool uses.
 */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/esm/node-adapter';
  export default nodeEndpoint;
}
