/** The scenario layer's public surface: format, loading, compiling, results. */
export * from './schema';
export * from './issues';
export * from './load';
export * from './compile';
export * from './result';
export * from './pointer';
export type { DataLoader } from './resolve';
