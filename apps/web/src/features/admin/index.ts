// The admin feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { useCohorts } from './api/get-cohorts';
export { useOrganisations } from './api/get-organisations';
export { EnrolmentAdministration } from './components/enrolment-administration';
export { QueryPage } from './components/query-page';
export { useAdminForm } from './components/use-admin-form';
export { WithdrawForm } from './components/withdraw-form';
export { type Errors } from './utils/forms';
