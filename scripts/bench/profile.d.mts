// Types of profile.mjs (for the TypeScript unit tests).
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}
export interface ProfileSummary {
  totalMs: number;
  extensionMs: number;
  files: Array<{ name: string; ms: number }>;
  top: Array<{ name: string; ms: number }>;
}
export function summarizeProfile(profile: CpuProfile, options?: { keep?: (url: string) => boolean; top?: number }): ProfileSummary;
export function profileOurs(config: unknown, url: string, options?: { intervalUs?: number }): Promise<ProfileSummary | { error: string }>;
