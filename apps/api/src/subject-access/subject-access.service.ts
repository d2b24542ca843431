import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { londonDate } from '@ccc/programme';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Person } from '../people/person.entity';
import { collectSubjectAccess } from './subject-access-read';
import { NotFound } from '../common/domain-errors';

export { archivePathOf, SUBJECT_ACCESS_FORMAT } from './subject-access-read';

const README = `Subject-access export
=====================

This archive holds everything the Cancer Care Coordinator programme service keeps about one person, produced on
request under the UK GDPR right of access (Article 15).

subject-access.json
  person                  name, e-mail address, when the account was created and last changed; whether a
                          password is set (the password itself is never stored, only a one-way hash, not included)
  roleAssignments         each role held, in which organisation
  roleOffers              roles offered to the person by e-mail, and whether they were accepted or declined
  enrolments              each programme enrolment as a Cancer Care Coordinator: cohort, PCN, supervisors, status
                          and dates, with its sessions and attendance, release time, expectation attestations,
                          competencies with evidence and reviews, evidence file details, training needs analysis,
                          training plan, handover interview, outcome counts and amendments
  evaluationResponses     the person's own evaluation survey answers, free text included
  drafts                  text being typed that was saved to continue later
  notifications           in-app reminders, and notificationPreferences (the kinds turned off)
  emails                  e-mails sent or queued to the person (web links removed: they are one-time credentials),
                          with any calendar invitation they carried
  calendarFeeds           private calendar addresses made (when made and revoked; the secret address is not kept)
  signInSessions          each signed-in session: when it started, how often it was renewed, when it ended
  singleSignOn            NHS accounts (OpenID Connect) linked to the person, and where single sign-on is required
  actionLinks             single-purpose links issued to the person (purpose and dates only)
  authored                records the person wrote or acts on for others (a supervisor's reviews, sessions led,
                          decisions, signatures), listed by id and time
  auditEntries            every entry of the audit trail where the person acted ("actor") or that is about the
                          person or one of their records ("subject")
  dataNotIncluded         what is held but left out, and why

evidence/
  the content of every file given as competency evidence or as a training certificate, named
  <file id>-<original file name>; subject-access.json lists each with its size and SHA-256.

All times are UTC (ISO 8601); dates (YYYY-MM-DD) are UK dates.
`;

/**
 * The subject-access export (GDPR right of access): one ZIP with everything the service holds about a person.
 * Read in one snapshot, with a fixed number of queries whatever the size of the record (lists by ANY($ids), never
 * a query per enrolment or per file).
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async export(user: AuthUser, personId: string): Promise<{ content: Buffer; fileName: string }> {
    await this.access.requireSubjectAccess(user, personId);
    const person = await this.db.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw new NotFound('There is no such person');

    const { json, files } = await this.db.transaction('REPEATABLE READ', (m) =>
      collectSubjectAccess(m, personId, user, this.clock.now()),
    );
    const zip = new JSZip();
    zip.file('README.txt', README);
    zip.file('subject-access.json', JSON.stringify(json, null, 2));
    for (const file of files) zip.file(file.path, file.content, { binary: true });
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    // The export is a read; what is recorded is that it was made (AuditService opens its own transaction).
    await this.audit.record(this.db.manager, {
      actorId: user.id,
      action: 'subject_access.exported',
      entityType: 'person',
      entityId: personId,
      detail: {
        requestedBy: user.id === personId ? 'self' : 'admin',
        allianceId: user.id === personId ? null : user.allianceId,
        files: files.length,
        bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      },
    });
    return { content, fileName: `subject-access-${londonDate(this.clock.now())}.zip` };
  }
}
