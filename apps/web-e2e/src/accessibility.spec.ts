/**
 * WCAG 2.2 AA across the SPA: every route of apps/web/src/app/router.tsx, visited as each role it is meant for, passes
 * axe with no violation, has one h1 and a title of its own; pages reflow at 320 px and at 200 % zoom; focus is
 * visible; and a failed submit moves focus to the error summary (for the forms the other specs do not submit empty).
 * The data these tests need of their own (a release request and a joint session for Jamie Reid, with the one-time
 * links to answer them) is made in beforeAll; nothing else is changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
  apiPost,
} from './support/e2e';
import { addDays } from './support/dates';
import { newestMessageTo, respondToken } from './support/outbox';
import {
  NARROW,
  ZOOMED,
  expectFocusOnErrorSummary,
  expectNoHorizontalScroll,
  fillDate,
  waitUntilLoaded,
} from './support/pages';

const SERVICE_NAME = 'CCC Programme';
const ROUTER_FILE = path.resolve(__dirname, '../../web/src/app/router.tsx');

type Who = 'signedOut' | keyof typeof USERS;

interface EnrolmentLite {
  id: string;
  ccc: { email: string };
  status: string;
}

interface TimelineLite {
  today: string;
  months: {
    month: number;
    startsOn: string;
    endsBefore: string;
    sessions: { id: string; kind: string; status: string }[];
  }[];
}

/** What the routes need: ids of real records and the tokens of two one-time links. */
interface Fixtures {
  samEnrolment: string;
  chrisEnrolment: string;
  samSession: string;
  /** The code of one competency of Sam's framework. */
  competency: string;
  jamieScheduled: string;
  jamieHandover: string;
  releaseToken: string;
  sessionToken: string;
  /** A cohort the Alliance supervisor sees, a template version, a completed enrolment, an invitation link. */
  cohort: string;
  template: string;
  completedEnrolment: string;
  invitationToken: string;
  roleOfferToken: string;
}

/** One visit: a concrete address, who goes there, and a word on what it shows. */
interface Visit {
  path: string;
  who: Who;
  what: string;
}

/**
 * Each route of the router, with the visits that cover it: every role the route is meant for, and the states a
 * person meets (a valid link and an unknown one). A route missing here fails the first test, so a new page cannot
 * slip past axe.
 */
function visitsByRoute(f: Fixtures): Record<string, Visit[]> {
  const signedIn: Who[] = ['admin', 'allianceSupervisor', 'pcnSupervisor', 'ccc'];
  const each = (pathname: string, what: string, who: Who[] = signedIn) =>
    who.map((person) => ({ path: pathname, who: person, what }));
  return {
    '/sign-in': each('/sign-in', 'the sign-in page', ['signedOut']),
    '/respond/:token': [
      { path: `/respond/${f.releaseToken}`, who: 'signedOut', what: 'a link to confirm release time' },
      { path: `/respond/${f.sessionToken}`, who: 'signedOut', what: 'a link to answer a joint session' },
      { path: '/respond/not-a-real-token', who: 'signedOut', what: 'an unknown link' },
    ],
    '/': [
      ...each('/', 'the home page'),
      { path: '/', who: 'cccTraining', what: 'the home page' },
      { path: '/', who: 'national', what: 'the home page (the national figures)' },
    ],
    '/enrolments/:enrolmentId': [
      ...each(`/enrolments/${f.samEnrolment}`, 'Sam’s timeline'),
      { path: `/enrolments/${f.chrisEnrolment}`, who: 'cccTraining', what: 'a training-track timeline' },
      { path: `/enrolments/${f.chrisEnrolment}`, who: 'ccc', what: 'someone else’s timeline (refused)' },
    ],
    '/enrolments/:enrolmentId/release': each(`/enrolments/${f.samEnrolment}/release`, 'Sam’s study time and release'),
    '/enrolments/:enrolmentId/competencies': each(`/enrolments/${f.samEnrolment}/competencies`, 'Sam’s competencies'),
    '/enrolments/:enrolmentId/competencies/:code': each(
      `/enrolments/${f.samEnrolment}/competencies/${encodeURIComponent(f.competency)}`,
      'one of Sam’s competencies',
    ),
    '/enrolments/:enrolmentId/tna': each(`/enrolments/${f.samEnrolment}/tna`, 'Sam’s training needs analysis'),
    '/enrolments/:enrolmentId/training-plan': each(
      `/enrolments/${f.samEnrolment}/training-plan`,
      'Sam’s training plan',
    ),
    '/evidence-to-review': each('/evidence-to-review', 'the evidence waiting for review', ['allianceSupervisor']),
    '/sign-offs': [
      ...each('/sign-offs', 'their own sign-offs', ['allianceSupervisor', 'pcnSupervisor', 'ccc']),
      { path: '/sign-offs?month=99', who: 'allianceSupervisor', what: 'their sign-offs with a bad filter' },
    ],
    '/notifications': each('/notifications', 'the reminders'),
    '/notifications/preferences': each('/notifications/preferences', 'the reminder choices'),
    '/sessions/:sessionId': [
      ...each(`/sessions/${f.samSession}`, 'one of Sam’s sessions'),
      { path: `/sessions/${f.samSession}?action=book`, who: 'allianceSupervisor', what: 'the booking form' },
      { path: `/sessions/${f.jamieScheduled}?action=cancel`, who: 'allianceSupervisor', what: 'the cancel form' },
      { path: `/sessions/${f.jamieHandover}?action=propose_slot`, who: 'pcnSupervisor2', what: 'the propose form' },
    ],
    '/enrolments/:enrolmentId/handover': [
      ...each(`/enrolments/${f.samEnrolment}/handover`, 'Sam’s handover interview'),
      { path: `/enrolments/${f.completedEnrolment}/handover`, who: 'admin', what: 'a completed handover' },
    ],
    '/enrolments/:enrolmentId/survey': each(`/enrolments/${f.samEnrolment}/survey`, 'Sam’s evaluation survey', [
      'ccc',
      'pcnSupervisor',
    ]),
    '/enrolments/:enrolmentId/outcomes': each(`/enrolments/${f.samEnrolment}/outcomes`, 'Sam’s outcomes log'),
    '/reports/cohort': each('/reports/cohort', 'the cohort report', ['admin', 'allianceSupervisor']),
    '/national': each('/national', 'the national figures', ['national']),
    '/admin/cohorts': each('/admin/cohorts', 'the cohorts', ['admin', 'allianceSupervisor']),
    '/admin/cohorts/:cohortId': each(`/admin/cohorts/${f.cohort}`, 'a cohort', ['admin', 'allianceSupervisor']),
    '/admin/people': each('/admin/people', 'the people', ['admin', 'allianceSupervisor']),
    '/admin/organisations': each('/admin/organisations', 'the PCNs', ['admin', 'allianceSupervisor']),
    '/confirm-email/:token': [
      { path: '/confirm-email/not-a-real-token', who: 'signedOut', what: 'an unknown e-mail confirmation link' },
    ],
    '/admin/templates': each('/admin/templates', 'the templates', ['admin', 'allianceSupervisor']),
    '/admin/templates/:templateId': each(`/admin/templates/${f.template}`, 'a template version', [
      'admin',
      'allianceSupervisor',
    ]),
    '/set-password/:token': [
      { path: `/set-password/${f.invitationToken}`, who: 'signedOut', what: 'an invitation to set a password' },
      { path: '/set-password/not-a-real-token', who: 'signedOut', what: 'an unknown invitation link' },
    ],
    '/accept-role/:token': [
      { path: `/accept-role/${f.roleOfferToken}`, who: 'national', what: 'a role offered by e-mail' },
      { path: '/accept-role/not-a-real-token', who: 'ccc', what: 'an unknown role offer link' },
    ],
    // Open to everyone: signed out it shows the notice of the Alliance chosen (or the only one).
    '/privacy': [
      ...each('/privacy', 'the privacy notice', ['signedOut', ...signedIn]),
      { path: '/privacy?alliance=not-a-real-alliance', who: 'signedOut', what: 'the notice of an unknown Alliance' },
    ],
    '/admin/privacy': each('/admin/privacy', 'the Alliance’s privacy policy', ['admin', 'allianceSupervisor']),
    '/admin/retention': each('/admin/retention', 'retention and erasure', ['admin', 'allianceSupervisor']),
    '/admin/sign-in': each('/admin/sign-in', 'single sign-on settings', ['admin']),
    '/agenda': each('/agenda', 'the agenda'),
    '/calendar': each('/calendar', 'the calendar link page'),
    '/your-data': each('/your-data', 'the download of everything held about you'),
    '*': [
      { path: '/no-such-page', who: 'signedOut', what: 'a page that does not exist' },
      { path: '/no-such-page', who: 'ccc', what: 'a page that does not exist' },
    ],
  };
}

/** The paths the router declares ("/" for its index route). */
function routerPaths(): string[] {
  const source = readFileSync(ROUTER_FILE, 'utf8');
  const paths = [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map((match) => match[1] as string);
  if (/\bindex:\s*true\b/.test(source)) paths.push('/');
  return [...new Set(paths)];
}

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** The instant of 11:00 in London on a date (GMT or BST). */
function elevenInLondon(date: string): string {
  const guess = new Date(`${date}T11:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(guess),
  );
  return new Date(guess.getTime() - (hour - 11) * 3_600_000).toISOString();
}

async function prepare(): Promise<Fixtures> {
  const admin = await apiToken(USERS.admin);
  const enrolments = await apiGet<EnrolmentLite[]>('/enrolments', admin);
  const find = (email: string) => {
    const found = enrolments.find((enrolment) => enrolment.ccc.email === email);
    if (!found) throw new Error(`No enrolment for ${email}`);
    return found.id;
  };
  const sam = find(USERS.ccc);
  const jamie = find(USERS.cccOtherPcn);
  const samTimeline = await apiGet<TimelineLite>(`/enrolments/${sam}/timeline`, admin);
  const jamieTimeline = await apiGet<TimelineLite>(`/enrolments/${jamie}/timeline`, admin);
  const samSession = samTimeline.months[4]?.sessions.find((session) => session.kind === 'individual');
  const jamieScheduled = jamieTimeline.months.flatMap((month) => month.sessions).find((s) => s.status === 'scheduled');
  const handoverMonth = jamieTimeline.months[5];
  const jamieHandover = handoverMonth?.sessions.find((session) => session.kind === 'handover');
  const grid = await apiGet<{ domains: { competencies: { code: string }[] }[] }>(
    `/enrolments/${sam}/competencies`,
    admin,
  ).catch(() => null);
  const competency = grid?.domains[0]?.competencies[0]?.code ?? 'no-such-competency';
  if (!samSession || !jamieScheduled || !handoverMonth || !jamieHandover) {
    throw new Error('The demo data has changed: no planned session, booked session or handover to use');
  }

  // Jamie logs a little study time and sends their PCN supervisor the link to confirm it.
  const jamieToken = await apiToken(USERS.cccOtherPcn);
  const request = await apiPost<{ id: string }>(`/enrolments/${jamie}/release-requests`, jamieToken, {
    kind: 'study',
    date: londonToday(),
    minutes: 30,
    description: `Accessibility check ${Date.now()}`,
  });
  await apiPost(`/release-requests/${request.id}/link`, jamieToken, {});
  const releaseToken = respondToken((await newestMessageTo(USERS.pcnSupervisor2))?.body ?? '');

  // The Alliance supervisor offers Jamie's handover to the PCN supervisor, and sends them the link to answer.
  const alliance = await apiToken(USERS.allianceSupervisor);
  const { version } = await apiGet<{ version: number }>(`/sessions/${jamieHandover.id}`, alliance);
  await apiPost(`/sessions/${jamieHandover.id}/book`, alliance, {
    startsAt: elevenInLondon(addDays(handoverMonth.startsOn, 9)),
    durationMinutes: 60,
    mode: 'virtual',
    meetingLink: 'https://meet.example.org/jamie-handover',
    version,
  });
  await apiPost(`/sessions/${jamieHandover.id}/link`, alliance, {});
  const sessionToken = respondToken((await newestMessageTo(USERS.pcnSupervisor2))?.body ?? '');

  // For the administration pages: a cohort and template to open, a completed enrolment, and an invitation link.
  const cohorts = await apiGet<{ id: string }[]>('/cohorts', alliance);
  const templates = await apiGet<{ id: string }[]>('/templates', admin);
  const completed = enrolments.find((enrolment) => enrolment.status === 'completed');
  const organisations = await apiGet<{ id: string; kind: string }[]>('/organisations', admin);
  const pcn = organisations.find((organisation) => organisation.kind === 'pcn');
  if (!cohorts[0] || !templates[0] || !completed || !pcn) {
    throw new Error('The demo data has changed: no cohort, template, completed enrolment or PCN to use');
  }
  const invitee = `invited.${Date.now()}@example.org`;
  await apiPost('/people/invitations', admin, {
    email: invitee,
    fullName: 'Ivy Invited',
    role: 'ccc',
    organisationId: pcn.id,
  });
  const invitation = /\/set-password\/([A-Za-z0-9_-]+)/.exec((await newestMessageTo(invitee))?.body ?? '');
  if (!invitation?.[1]) throw new Error('No /set-password/ link in the invitation e-mail');
  // A role offered to someone with an account elsewhere (the national viewer): the page they accept it on.
  const wessex = organisations.find((organisation) => organisation.kind === 'alliance');
  if (!wessex) throw new Error('The demo data has changed: the administrator sees no Alliance');
  await apiPost('/people/invitations', admin, {
    email: USERS.national,
    fullName: 'Nat Viewer',
    role: 'alliance_supervisor',
    organisationId: wessex.id,
  });
  const offer = /\/accept-role\/([A-Za-z0-9_-]+)/.exec((await newestMessageTo(USERS.national))?.body ?? '');
  if (!offer?.[1]) throw new Error('No /accept-role/ link in the e-mail offering a role');

  return {
    samEnrolment: sam,
    chrisEnrolment: find(USERS.cccTraining),
    samSession: samSession.id,
    competency,
    jamieScheduled: jamieScheduled.id,
    jamieHandover: jamieHandover.id,
    releaseToken,
    sessionToken,
    cohort: cohorts[0].id,
    template: templates[0].id,
    completedEnrolment: completed.id,
    invitationToken: invitation[1],
    roleOfferToken: offer[1],
  };
}

/** Axe, one h1, and a title of the page's own ending in the service name. */
async function checkPage(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  await waitUntilLoaded(page);
  const h1s = await page.getByRole('heading', { level: 1 }).count();
  if (h1s !== 1) problems.push(`${label}: ${h1s} h1 headings, not 1`);
  const title = await page.title();
  if (!title.endsWith(` – ${SERVICE_NAME}`)) problems.push(`${label}: the title "${title}" is not the page's own`);
  try {
    await expectNoAxeViolations(page, label);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

describe('accessibility of every page', () => {
  let browser: Browser;
  let t: TestPage;
  let fixtures: Fixtures;

  beforeAll(async () => {
    browser = await launchBrowser();
    fixtures = await prepare();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('knows every route of the router', () => {
    const covered = Object.keys(visitsByRoute(fixtures));
    const missing = routerPaths().filter((route) => !covered.includes(route));
    expect(missing).toEqual([]);
  });

  const people: Who[] = [
    'signedOut',
    'admin',
    'allianceSupervisor',
    'pcnSupervisor',
    'pcnSupervisor2',
    'ccc',
    'cccTraining',
    'national',
  ];
  for (const who of people) {
    it(`every page ${who === 'signedOut' ? 'open without signing in' : `of ${who}`} passes axe`, async () => {
      const visits = Object.values(visitsByRoute(fixtures))
        .flat()
        .filter((visit) => visit.who === who);
      if (visits.length === 0) return;
      t = await openPage(browser, DESKTOP);
      const { page } = t;
      if (who !== 'signedOut') await signIn(page, USERS[who]);
      const problems: string[] = [];
      for (const visit of visits) {
        await page.goto(url(visit.path));
        problems.push(...(await checkPage(page, `${visit.what} (${visit.path}) as ${who}`)));
      }
      expect(problems).toEqual([]);
      expectNoProblems(t);
    }, 240_000);
  }

  it('reflows at 320 px and at 200 % zoom: no page scrolls sideways', async () => {
    const pages: { who: Who; path: string }[] = [
      { who: 'signedOut', path: '/sign-in' },
      { who: 'signedOut', path: `/respond/${fixtures.releaseToken}` },
      { who: 'signedOut', path: '/privacy' },
      { who: 'ccc', path: `/enrolments/${fixtures.samEnrolment}` },
      { who: 'ccc', path: `/enrolments/${fixtures.samEnrolment}/release` },
      { who: 'ccc', path: '/agenda' },
      { who: 'pcnSupervisor', path: '/' },
      { who: 'allianceSupervisor', path: '/' },
      { who: 'allianceSupervisor', path: `/sessions/${fixtures.jamieScheduled}` },
      { who: 'allianceSupervisor', path: `/sessions/${fixtures.samSession}?action=book` },
      { who: 'allianceSupervisor', path: '/calendar' },
    ];
    const problems: string[] = [];
    for (const viewport of [NARROW, ZOOMED]) {
      for (const who of new Set(pages.map((item) => item.who))) {
        t = await openPage(browser, viewport);
        if (who !== 'signedOut') await signIn(t.page, USERS[who]);
        for (const item of pages.filter((entry) => entry.who === who)) {
          await t.page.goto(url(item.path));
          await waitUntilLoaded(t.page);
          try {
            await expectNoHorizontalScroll(t.page, `${item.path} as ${who} at ${viewport.width}px`);
          } catch (error) {
            problems.push((error as Error).message);
          }
        }
        await t.context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows where the keyboard focus is on every control it reaches', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.goto(url(`/enrolments/${fixtures.samEnrolment}`));
    await waitUntilLoaded(page);
    await page.locator('body').focus();
    const unseen: string[] = [];
    // The skip link, the header, the summary and the first months' sessions and links.
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        // The indicator may be drawn on the element or on its first child (the text of a details summary).
        const drawn = [element, element.firstElementChild].filter((node): node is Element => node !== null);
        const visible = drawn.some((node) => {
          const style = getComputedStyle(node);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          const shadow = style.boxShadow !== 'none';
          // The NHS focus colour: a yellow background behind links and buttons.
          const yellow = style.backgroundColor === 'rgb(255, 235, 59)';
          return outline || shadow || yellow;
        });
        return {
          name: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
          visible,
        };
      });
      if (focus && !focus.visible) unseen.push(focus.name);
    }
    expect(unseen).toEqual([]);
  });

  it('moves focus to the error summary when a form is sent with a problem', async () => {
    // The Alliance supervisor clears the date of a booked session and tries to reschedule it.
    t = await openPage(browser, DESKTOP);
    await signIn(t.page, USERS.allianceSupervisor);
    await t.page.goto(url(`/sessions/${fixtures.jamieScheduled}?action=reschedule`));
    await t.page.getByRole('heading', { level: 2, name: 'Reschedule this session' }).waitFor();
    await fillDate(t.page, 'Date', '');
    await t.page.getByRole('button', { name: 'Reschedule session' }).click();
    await expectFocusOnErrorSummary(t.page, 'the reschedule form');
    await t.context.close();

    // The PCN supervisor asks for another time but gives no date.
    t = await openPage(browser, DESKTOP);
    await signIn(t.page, USERS.pcnSupervisor2);
    await t.page.goto(url(`/sessions/${fixtures.jamieHandover}?action=propose_slot`));
    await t.page.getByRole('heading', { level: 2, name: 'Propose another time' }).waitFor();
    await fillDate(t.page, 'Date', '');
    await t.page.getByRole('button', { name: 'Propose this time' }).click();
    await expectFocusOnErrorSummary(t.page, 'the propose form');

    // Ticking an expectation as done with no date.
    await t.page.goto(url('/'));
    const tick = t.page.getByRole('button', { name: /^Tick as done/ }).first();
    await tick.waitFor();
    await fillDate(t.page, /^Date done/, '');
    await tick.click();
    await expectFocusOnErrorSummary(t.page, 'the tick-as-done form');
    expectNoProblems(t);
    await t.context.close();

    // From the e-mailed links, without signing in: declining with no reason, and proposing with no date.
    t = await openPage(browser, DESKTOP);
    await t.page.goto(url(`/respond/${fixtures.releaseToken}`));
    await t.page.getByRole('button', { name: 'Decline', exact: true }).click();
    await t.page.getByRole('button', { name: 'Decline this time' }).click();
    await expectFocusOnErrorSummary(t.page, 'declining from a link');
    await t.page.goto(url(`/respond/${fixtures.sessionToken}`));
    await t.page.getByRole('button', { name: 'Propose another time' }).click();
    await fillDate(t.page, 'Date', '');
    await t.page.getByRole('button', { name: 'Propose this time' }).click();
    await expectFocusOnErrorSummary(t.page, 'proposing from a link');
    await expectNoAxeViolations(t.page, 'the link page with an error');
    expectNoProblems(t);
  });
});
