// The sign-offs feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { signOffsQueryKeyRoot } from './api/get-my-sign-offs';
export { SignOffsCount } from './components/sign-offs-count';
export { AwaitingSignOffsSection, MonthSignOffs } from './components/timeline-sign-offs';
