export declare const belowFloorPrefix: string;
export declare const belowFloorModules: string;
export declare const belowFloor: ReadonlyArray<{ alias: string; peer: string; version: string }>;
export declare function belowFloorPackages(): Record<string, string>;
export declare function isBelowFloor(peer: string, installed: string): boolean;
