/** The folder the floor set is installed into. */
export const floorPrefix: string;
/** The floor set's own node_modules. */
export const floorModules: string;
/** Peers tested at their floor. */
export const floorPeers: readonly string[];
/** The lowest `x.y.z` a peer range accepts. */
export function lowestOf(range: string): string;
/** Every package of the floor set with its exact version. */
export function floorVersions(): Record<string, string>;
