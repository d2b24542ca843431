// The release feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { type LinkIssued } from './api/send-release-link';
export { PendingRelease } from './components/pending-release';
export { ReleaseCounter } from './components/release-counter';
export { ReleaseSummarySection } from './components/release-summary-section';
export { SendLinkButton } from './components/send-link-button';
export { StudyChart } from './components/study-chart';
