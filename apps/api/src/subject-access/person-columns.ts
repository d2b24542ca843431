/**
 * Every column of the schema that names a person, and the place in subject-access.json that shows the rows where it
 * names the person exported (a dotted path; `enrolments[]` for a list inside each enrolment). A test compares this
 * with the foreign keys to `person` in information_schema, and with the columns named like a person reference that
 * have no foreign key, so a new table that references a person cannot be forgotten here.
 */
export const PERSON_COLUMNS: Record<string, string> = {
  'role_assignment.person_id': 'roleAssignments',
  'role_offer.person_id': 'roleOffers',
  'role_offer.invited_by_id': 'authored.invitationsSent',
  'enrolment.ccc_id': 'enrolments',
  'enrolment.pcn_supervisor_id': 'authored.enrolmentsSupervised',
  'enrolment.alliance_supervisor_id': 'authored.enrolmentsSupervised',
  'enrolment.status_changed_by_id': 'authored.enrolmentStatusChanges',
  'cohort_supervisor.person_id': 'authored.cohortsRun',
  'session.lead_id': 'authored.sessionsLed',
  'session.recorded_by_id': 'authored.sessionsRecorded',
  'release_request.decided_by_id': 'authored.releaseDecisions',
  'attestation.attested_by_id': 'authored.attestationsGiven',
  'competency_evidence.submitted_by_id': 'authored.evidenceSubmitted',
  'evidence_file.uploaded_by_id': 'authored.filesUploaded',
  'competency_review.reviewer_id': 'authored.competencyReviewsGiven',
  'competency_framework.imported_by_id': 'authored.frameworksImported',
  'tna.ccc_signed_by_id': 'authored.tnaSignatures',
  'tna.supervisor_signed_by_id': 'authored.tnaSignatures',
  'training_plan_item.created_by_id': 'authored.trainingPlanItemsCreated',
  'handover_interview.ccc_signed_by_id': 'authored.handoverSignatures',
  'handover_interview.pcn_signed_by_id': 'authored.handoverSignatures',
  'handover_interview.alliance_signed_by_id': 'authored.handoverSignatures',
  'outcome_count.recorded_by_id': 'authored.outcomeCountsRecorded',
  'enrolment_amendment.amended_by_id': 'authored.amendmentsMade',
  'evaluation_response.person_id': 'evaluationResponses',
  'draft.person_id': 'drafts',
  'notification.person_id': 'notifications',
  'notification_preference.person_id': 'notificationPreferences',
  'calendar_feed.person_id': 'calendarFeeds',
  'auth_session.person_id': 'signInSessions',
  'sso_identity.person_id': 'singleSignOn.linkedAccounts',
  'sso_required_person.person_id': 'singleSignOn.required',
  'sso_required_person.required_by_id': 'authored.singleSignOnRequired',
  'action_link.person_id': 'actionLinks',
  'outbox_message.to_person_id': 'emails',
  'audit_entry.actor_id': 'auditEntries',
};
