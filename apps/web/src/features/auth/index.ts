// The auth feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { getMeQueryOptions, useMe } from './api/get-me';
export { homeKindFor } from './utils/roles';
