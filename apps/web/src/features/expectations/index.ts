// The expectations feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { AttestForm } from './components/attest-form';
export { ExpectationsChecklist } from './components/expectations-checklist';
export { sessionOutcomesText } from './utils/labels';
