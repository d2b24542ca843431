import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LinkIssued, LinkView } from '@ccc/contracts';
import { dateWords, PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DataSource, IsNull } from 'typeorm';
import { Commands } from '../common/command';
import { Conflict, Gone, Invalid, NotFound } from '../common/domain-errors';
import type { AuthUser } from '../common/auth-user';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { Person } from '../people/person.entity';
import { PeopleService } from '../people/people.service';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { ReleaseService } from '../release-time/release.service';
import { BookingCommands } from '../sessions/booking.commands';
import { SchedulingService } from '../sessions/scheduling.service';
import { Session } from '../sessions/session.entity';
import { ActionLink, type LinkPurpose } from './action-link.entity';
import { findLiveLink, issueActionLink } from './action-links';
import type { LinkAnswerDto } from './dto/link-answer.dto';
import { renderMail, type RenderedMail } from '../notifications/mail-templates';
import { OutboxMessage } from './outbox-message.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';

export const LINK_LIFETIME_DAYS = 14;
const ANSWER_PURPOSES: LinkPurpose[] = ['release_request', 'session_slot'];
const londonTime = (instant: Date) =>
  format(new TZDate(instant.getTime(), PROGRAMME_TIME_ZONE), "EEEE d MMMM yyyy 'at' HH:mm");

/**
 * Single-purpose links for PCN supervisors, who rarely sign in: one request each, 14 days, once. The link is
 * e-mailed through the outbox; answering it acts as that PCN supervisor, audited "via link".
 */
@Injectable()
export class LinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly people: PeopleService,
    private readonly release: ReleaseService,
    private readonly scheduling: SchedulingService,
    private readonly booking: BookingCommands,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** The link, its e-mail through the outbox and the audit entry, as one command. */
  private async issue(
    actor: AuthUser,
    purpose: LinkPurpose,
    targetId: string,
    to: Person,
    baseUrl: string,
    /** The message, from its template, given the link's expiry (UK time in words) and address. */
    mail: (expires: string, url: string) => RenderedMail,
  ): Promise<LinkIssued> {
    const { issued } = await this.commands.run({
      load: async () => to,
      apply: async ({ manager }) => {
        const { token, link, expiresAt } = await issueActionLink(manager, {
          purpose,
          targetId,
          personId: to.id,
          lifetimeDays: LINK_LIFETIME_DAYS,
          now: this.clock.now(),
        });
        const { subject, text, html } = mail(londonTime(expiresAt), `${baseUrl}/respond/${token}`);
        await manager.insert(OutboxMessage, { toPersonId: to.id, toEmail: to.email, subject, body: text, html });
        const issued: LinkIssued = {
          sentTo: { id: to.id, fullName: to.fullName },
          expiresAt: expiresAt.toISOString(),
        };
        return { linkId: link.id, issued };
      },
      audit: (_, { linkId }) => ({
        actorId: actor.id,
        action: 'link.issued',
        entityType: purpose,
        entityId: targetId,
        detail: { linkId, to: to.id },
      }),
    });
    return issued;
  }

  /** Any party who can read the CCC's record may ask; the link always goes to the CCC's PCN supervisor. */
  async issueForRelease(user: AuthUser, requestId: string, baseUrl: string): Promise<LinkIssued> {
    const request = await this.db.getRepository(ReleaseRequest).findOneBy({ id: requestId });
    if (!request) throw new NotFound('Release request not found');
    const { enrolment } = await this.enrolments.readable(user, request.enrolmentId);
    if (request.status !== 'pending')
      throw new Conflict(`This request was ${request.status}; there is nothing to answer`);
    if (!enrolment.pcnSupervisor) throw new Conflict('This CCC has no PCN supervisor to send the link to');
    const to = enrolment.pcnSupervisor;
    return this.issue(user, 'release_request', request.id, to, baseUrl, (expires, url) =>
      renderMail('releaseRequest', {
        cccName: enrolment.ccc.fullName,
        minutes: request.minutes,
        date: dateWords(request.date),
        description: request.description,
        expires,
        url,
      }),
    );
  }

  async issueForSession(user: AuthUser, sessionId: string, baseUrl: string): Promise<LinkIssued> {
    const view = await this.scheduling.view(user, sessionId);
    if (view.status !== 'awaiting_pcn' || !view.enrolmentId || !view.startsAt) {
      throw new Conflict('Only a joint session waiting for the PCN supervisor can be answered by link');
    }
    const { enrolment } = await this.enrolments.readable(user, view.enrolmentId);
    if (!enrolment.pcnSupervisor) throw new Conflict('This CCC has no PCN supervisor to send the link to');
    const to = enrolment.pcnSupervisor;
    return this.issue(
      user,
      'session_slot',
      sessionId,
      to,
      baseUrl,
      // Where or how it is held, so the PCN supervisor can judge whether they can make it.
      (expires, url) =>
        renderMail('sessionSlot', {
          title: view.title,
          cccName: enrolment.ccc.fullName,
          when: londonTime(new Date(view.startsAt!)),
          minutes: view.durationMinutes,
          place: view.mode === 'face_to_face' ? view.place : null,
          meetingLink: view.mode === 'virtual' ? view.meetingLink : null,
          expires,
          url,
        }),
    );
  }

  /** The link, or 404 for one that never existed and 410 for one used, replaced or expired. */
  private find(token: string): Promise<ActionLink> {
    // An invitation's set-password link is not answered here (see people/invitations.service.ts).
    return findLiveLink(this.db.manager, token, ANSWER_PURPOSES, this.clock.now());
  }

  async show(token: string): Promise<LinkView> {
    return this.describe(await this.find(token));
  }

  /** The one request behind a link, in the few words its page shows. */
  private async describe(link: ActionLink): Promise<LinkView> {
    const forPerson = loaded(link, 'person').person.fullName;
    if (link.purpose === 'release_request') {
      const request = await this.db
        .getRepository(ReleaseRequest)
        .findOneOrFail({ where: { id: link.targetId }, relations: { enrolment: { ccc: true } } });
      return {
        purpose: link.purpose,
        forPerson,
        ccc: loaded(loaded(request, 'enrolment').enrolment, 'ccc').ccc.fullName,
        what: request.description,
        date: request.date,
        startsAt: null,
        minutes: request.minutes,
        status: request.status,
        expiresAt: link.expiresAt.toISOString(),
      };
    }
    const session = await this.db
      .getRepository(Session)
      .findOneOrFail({ where: { id: link.targetId }, relations: { enrolment: { ccc: true } } });
    return {
      purpose: 'session_slot',
      forPerson,
      ccc: session.enrolment?.ccc?.fullName ?? '',
      what: session.title,
      date: null,
      startsAt: session.startsAt?.toISOString() ?? null,
      minutes: session.durationMinutes ?? 0,
      status: session.status,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /**
   * Answers the link as its PCN supervisor. The link is claimed first (so a double click cannot act twice) and
   * released again if the answer is refused, so that a mistake can be corrected.
   */
  async answer(token: string, dto: LinkAnswerDto): Promise<LinkView> {
    const link = await this.find(token);
    const claimed = await this.db
      .getRepository(ActionLink)
      .update({ id: link.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
    if (!claimed.affected) throw new Gone('This link has already been used');
    try {
      const user = await this.people.loadAuthUser(link.personId);
      if (!user) throw new NotFound('This link is not valid');
      if (link.purpose === 'release_request') {
        const request = await this.db.getRepository(ReleaseRequest).findOneByOrFail({ id: link.targetId });
        if (dto.decision === 'confirm')
          await this.release.confirm(
            user,
            request.id,
            { version: request.version, overrideReason: dto.overrideReason },
            true,
          );
        else if (dto.decision === 'decline')
          await this.release.decline(user, request.id, { version: request.version, reason: dto.reason ?? '' }, true);
        else throw new Invalid([{ field: 'decision', reason: 'a release request is confirmed or declined' }]);
      } else {
        const session = await this.db.getRepository(Session).findOneByOrFail({ id: link.targetId });
        if (dto.decision === 'confirm')
          await this.booking.pcnResponse(user, session.id, { decision: 'accept', version: session.version }, true);
        else if (dto.decision === 'propose') {
          await this.booking.pcnResponse(
            user,
            session.id,
            { decision: 'propose', proposedStartsAt: dto.proposedStartsAt, version: session.version },
            true,
          );
        } else
          throw new Invalid([{ field: 'decision', reason: 'a session slot is confirmed, or another time proposed' }]);
      }
    } catch (error) {
      await this.db.getRepository(ActionLink).update({ id: link.id }, { usedAt: null });
      throw error;
    }
    return this.describe(link);
  }
}
