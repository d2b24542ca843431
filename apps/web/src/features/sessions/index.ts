// The sessions feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { useRespondAsPcn } from './api/respond-as-pcn';
export { MyOpenActions } from './components/my-open-actions';
export { WaitingForYou } from './components/waiting-for-you';
