export interface ApiEntry {
  /** The subpath in `package.json`'s `exports`: `.`, `./core`, `./locales/de`, … */
  subpath: string;
  /** The entry's built declarations. */
  declarations: string;
  /** The entry's committed report. */
  report: string;
}
export declare const reportFolder: string;
export declare function apiEntries(): ApiEntry[];
export declare function reportedNames(report: string): string[];
export declare function apiReports(options?: { update?: boolean }): Promise<Array<ApiEntry & { generated: string; committed: string | undefined }>>;
