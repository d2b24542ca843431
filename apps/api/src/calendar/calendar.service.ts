import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarFeedResponse } from '@ccc/contracts';
import { PROGRAMME_TIME_ZONE, sessionEnd } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { format } from 'date-fns';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from 'ical-generator';
import { DataSource, IsNull, Not } from 'typeorm';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { API_CONFIG, type ApiConfig } from '../config';
import { DiaryService } from '../sessions/diary.service';
import type { Session } from '../sessions/session.entity';
import { CalendarFeed } from './calendar-feed.entity';
import { Clock } from '../common/clock';
import { Gone, NotFound } from '../common/domain-errors';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The token sealed for its owner with AES-256-GCM (key from the server's secret by HKDF; the person's id as associated
 * data, so a sealed token moved to another row does not open): iv, tag and ciphertext, base64url.
 */
export function sealToken(key: Buffer, token: string, personId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(personId));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The token, or null when it does not open (another secret since, or tampered with). */
export function openToken(key: Buffer, sealed: string, personId: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(personId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const calendarTokenKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'ccc-calendar-feed', 'calendar feed token v1', 32));

/** Wall-clock time in London; with TZID=Europe/London and the VTIMEZONE, every calendar reads it right. */
const londonWallClock = (instant: Date) =>
  format(new TZDate(instant.getTime(), PROGRAMME_TIME_ZONE), "yyyy-MM-dd'T'HH:mm:ss");

const STATUS: Partial<Record<Session['status'], ICalEventStatus>> = {
  awaiting_pcn: ICalEventStatus.TENTATIVE,
  awaiting_alliance: ICalEventStatus.TENTATIVE,
  scheduled: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly diary: DiaryService,
    private readonly commands: Commands,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly clock: Clock,
  ) {
    this.key = calendarTokenKey(config.jwtSecret);
  }

  private readonly key: Buffer;

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }

  /**
   * iCalendar (RFC 5545) for these sessions: stable UIDs (the session id), SEQUENCE from the row's version so
   * that every change supersedes the last, STATUS:CANCELLED for cancellations, Europe/London with its VTIMEZONE.
   * A one-to-one session's summary names its CCC for everyone but that CCC (a supervisor's diary otherwise holds
   * four identical "Training needs analysis" events); `attendances` with their enrolment's CCC must be loaded.
   */
  toCalendar(name: string, sessions: Session[], viewerId: string): ICalCalendar {
    const calendar = ical({
      name,
      prodId: { company: 'CCC Programme', product: 'Sessions', language: 'EN' },
      // No calendar-level zone name: ical-generator would then write DTSTAMP in local time (RFC 5545 3.8.7.2
      // wants UTC) and a non-standard TIMEZONE-ID property. Each event names its zone; the generator still adds
      // the VTIMEZONE, and X-WR-TIMEZONE is the X- property Apple and Google read.
      timezone: { name: null, generator: getVtimezoneComponent },
      x: { 'X-WR-TIMEZONE': PROGRAMME_TIME_ZONE },
    });
    for (const s of sessions) {
      if (!s.startsAt || !s.durationMinutes) continue;
      calendar.createEvent({
        id: `${s.id}@ccc-programme`,
        sequence: s.version - 1,
        stamp: s.updatedAt,
        start: londonWallClock(s.startsAt),
        end: londonWallClock(sessionEnd(s.startsAt, s.durationMinutes)),
        timezone: PROGRAMME_TIME_ZONE,
        summary: summaryFor(s, viewerId),
        description: [
          s.purpose,
          s.meetingLink ? `Join: ${s.meetingLink}` : null,
          s.outOfMonthReason ? `Outside its plan month: ${s.outOfMonthReason}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        location: s.place ?? s.meetingLink ?? null,
        url: s.meetingLink ?? null,
        status: STATUS[s.status] ?? null,
      });
    }
    return calendar;
  }

  /**
   * An iTIP invitation (RFC 5546) for one person, sent by e-mail (iMIP): METHOD:REQUEST when the session is booked
   * or moved (the same UID, and the SEQUENCE of the feed, which rises with every change, so Outlook updates the
   * meeting it holds), METHOD:CANCEL when it is cancelled. ORGANIZER is the supervisor who leads it; the one
   * ATTENDEE is the recipient, asked to reply, so that the supervisor sees their accept or decline. Each person
   * gets their own, naming no other CCC's address.
   */
  invitation(
    session: Session,
    method: 'REQUEST' | 'CANCEL',
    organiser: { fullName: string; email: string },
    attendee: { id: string; fullName: string; email: string },
  ): string {
    const calendar = this.toCalendar(session.title, [session], attendee.id);
    calendar.method(method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
    const event = calendar.events()[0];
    if (!event) throw new Error(`Session ${session.id} has no time to invite to`);
    event.organizer({ name: organiser.fullName, email: organiser.email });
    event.createAttendee({
      name: attendee.fullName,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'REQUEST',
    });
    if (method === 'CANCEL') event.status(ICalEventStatus.CANCELLED);
    return `${calendar.toString()}\r\n`;
  }

  /** The calendar as text: ical-generator leaves off the CRLF that RFC 5545 puts after every line, END included. */
  icsText(name: string, sessions: Session[], viewerId: string): string {
    return `${this.toCalendar(name, sessions, viewerId).toString()}\r\n`;
  }

  async status(user: AuthUser): Promise<CalendarFeedResponse> {
    const feed = await this.db
      .getRepository(CalendarFeed)
      .findOne({ where: { personId: user.id, revokedAt: IsNull() } });
    const token = feed?.tokenSealed ? openToken(this.key, feed.tokenSealed, user.id) : null;
    return {
      active: !!feed,
      createdAt: feed?.createdAt.toISOString() ?? null,
      ...(token ? { url: this.urlOf(token) } : {}),
    };
  }

  /** A new private address; any earlier one stops working. Looked up by its hash; kept sealed to be shown again. */
  async create(user: AuthUser): Promise<CalendarFeedResponse> {
    const token = randomBytes(32).toString('base64url');
    const feed = await this.commands.run({
      load: async () => user,
      apply: async ({ manager }) => {
        await manager.update(
          CalendarFeed,
          { personId: user.id, revokedAt: IsNull() },
          { revokedAt: this.clock.now(), tokenSealed: null },
        );
        return manager.save(
          manager.create(CalendarFeed, {
            personId: user.id,
            tokenHash: hash(token),
            tokenSealed: sealToken(this.key, token, user.id),
            revokedAt: null,
          }),
        );
      },
      audit: (_, created) => ({
        actorId: user.id,
        action: 'calendar_feed.created',
        entityType: 'calendar_feed',
        entityId: created.id,
      }),
    });
    return { active: true, createdAt: feed.createdAt.toISOString(), url: this.urlOf(token) };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.commands.run({
      load: async () => user,
      apply: async ({ manager }) => {
        const result = await manager.update(
          CalendarFeed,
          { personId: user.id, revokedAt: IsNull() },
          // A stopped address is never shown again: its hash stays (for 410 Gone), its sealed token goes.
          { revokedAt: this.clock.now(), tokenSealed: null },
        );
        return !!result.affected;
      },
      audit: (_, revoked) =>
        revoked ? { actorId: user.id, action: 'calendar_feed.revoked', entityType: 'person', entityId: user.id } : null,
    });
  }

  /** The feed behind a token: 404 for an unknown one, 410 Gone for a replaced or revoked one. */
  async feed(token: string): Promise<string> {
    const feeds = this.db.getRepository(CalendarFeed);
    const feed = await feeds.findOne({ where: { tokenHash: hash(token), revokedAt: IsNull() } });
    if (!feed) {
      // Gone tells a calendar program to stop polling; the token is a credential, so nothing else is said.
      if (await feeds.exists({ where: { tokenHash: hash(token), revokedAt: Not(IsNull()) } })) {
        throw new Gone('This calendar address has been replaced or turned off');
      }
      throw new NotFound('No such calendar');
    }
    const sessions = await this.diary.sessionsOf(feed.personId);
    // One query for every session's register, for the CCCs' names in the summaries.
    const registers = await this.diary.registers(sessions.map((s) => s.id));
    for (const s of sessions) s.attendances = registers.get(s.id) ?? [];
    return this.icsText('CCC Programme', sessions, feed.personId);
  }
}

/** "Training needs analysis with Asha Patel" for the supervisors; the CCC's own event keeps the plain title. */
function summaryFor(s: Session, viewerId: string): string {
  if (s.sharedByCohort) return s.title;
  const others = (s.attendances ?? [])
    .map((a) => a.enrolment?.ccc)
    .filter((c): c is NonNullable<typeof c> => !!c && c.id !== viewerId)
    .map((c) => c.fullName);
  return others.length ? `${s.title} with ${others.join(', ')}` : s.title;
}
