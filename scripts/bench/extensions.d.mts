// Types of extensions.mjs (for the TypeScript unit tests).
export interface PreparedExtension {
  dir: string;
  inject: { files: string[]; css: string[] } | null;
}
export interface OursSizes {
  sentinelRawBytes: number | null;
  sentinelGzipBytes: number | null;
  injectedRawBytes: number;
  injectedGzipBytes: number;
  injectedFiles: string[];
  pageScriptRawBytes: number | null;
  pageScriptGzipBytes: number | null;
  cardScriptRawBytes: number | null;
  cardScriptGzipBytes: number | null;
  pageScriptFiles: Record<string, { raw: number; gzip: number }>;
}
export const ROOT: string;
export const OURS_BUILD: string;
export function packAliases(packPath?: string): string[];
export function injectedFiles(manifest: { content_scripts?: Array<{ js?: string[]; css?: string[] }> }): string[];
export function fileSizes(dir: string, files: string[]): { raw: number; gzip: number; files: Record<string, { raw: number; gzip: number }> };
export function oursSizes(dir: string): OursSizes;
export function deferManifest<M extends { content_scripts?: Array<{ js?: string[]; css?: string[] }>; host_permissions?: string[]; permissions?: string[] }>(
  manifest: M,
): {
  manifest: Omit<M, 'content_scripts'> & { content_scripts?: Array<{ css?: string[]; [key: string]: unknown }>; host_permissions: string[]; permissions: string[] };
  files: string[];
  css: string[];
};
export function prepareFloor(tmp: string, mode: 'settled' | 'load'): PreparedExtension;
export function preparePeer(tmp: string, mode: 'settled' | 'load', aliases?: string[], options?: { naive?: boolean; name?: string }): PreparedExtension;
export function prepareOurs(tmp: string, mode: 'settled' | 'load', buildDir?: string): (PreparedExtension & { sizes: OursSizes }) | { skip: string };
export function buildOurs(workDir: string, options?: { minify?: boolean }): Promise<string>;
