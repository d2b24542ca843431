// The competencies feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { CompetenciesSection } from './components/competencies-section';
export { useInbox } from './inbox/api/get-inbox';
export { EvidenceInboxSection } from './inbox/components/evidence-inbox-section';
export { saveBlob } from './utils/save-blob';
