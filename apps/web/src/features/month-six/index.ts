// The month-six feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { MonthSixSection } from './components/month-six-section';
