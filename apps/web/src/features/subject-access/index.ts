// The subject-access feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { SubjectAccessDownload } from './components/subject-access-download';
