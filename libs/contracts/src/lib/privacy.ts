import type { NoticeSection } from '@ccc/programme';

/** The Alliance's information-governance policy and its privacy notice. */

/** GET /api/privacy-notices (public): the Alliances whose notice the sign-in and privacy pages offer. */
export interface PrivacyNoticeRef {
  allianceId: string;
  allianceName: string;
}

/** The policy as the notice states it: nothing personal, the same for everyone. */
export interface AlliancePolicyFields {
  /** Whole years, 1 to 30: how long an ended enrolment is kept before its personal data is erased. */
  retentionYears: number;
  controllerName: string | null;
  contactEmail: string | null;
  contactAddress: string | null;
  /** Extra text the Alliance adds to the notice: plain text, paragraphs separated by blank lines. */
  noticeText: string | null;
}

/** GET /api/privacy-notices/:allianceId (public). */
export interface PrivacyNoticeView {
  allianceId: string;
  allianceName: string;
  sections: NoticeSection[];
  policy: AlliancePolicyFields;
  /** When the policy was last changed; null while the Alliance uses the defaults. */
  updatedAt: string | null;
}

/** GET /api/alliance-policy (administrators, their acting Alliance). `version` 0: the defaults, never saved. */
export interface AlliancePolicyView extends AlliancePolicyFields {
  allianceId: string;
  allianceName: string;
  updatedAt: string | null;
  version: number;
}

/** PUT /api/alliance-policy: the whole policy; send the `version` read (0 the first time). Blank text clears it. */
export interface UpdateAlliancePolicyRequest extends AlliancePolicyFields {
  version: number;
}
