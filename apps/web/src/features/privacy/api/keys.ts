/** Query keys of the privacy notices (public) and of the acting Alliance's policy (administrators). */
export const privacyNoticesQueryKey = ['privacy-notices'] as const;
export const privacyNoticeQueryKey = (allianceId: string) => ['privacy-notices', allianceId] as const;
export const alliancePolicyQueryKey = ['alliance-policy'] as const;
