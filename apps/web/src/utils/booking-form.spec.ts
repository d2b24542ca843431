import { describe, expect, it } from '@jest/globals';
import {
  checkSlot,
  initialBookingValues,
  isOutsideMonth,
  mapServerErrors,
  toBookingRequest,
  toRescheduleRequest,
  validateBooking,
  type BookingRules,
  type BookingValues,
} from './booking-form';

const rules: BookingRules = {
  month: 4,
  monthStartsOn: '2026-12-25',
  monthEndsBefore: '2027-01-25',
  durationRange: { min: 30, max: 60 },
  requireReason: false,
  requireOverrideReason: false,
};

const valid: BookingValues = {
  date: '2026-12-29',
  time: '14:00',
  durationMinutes: '45',
  mode: 'virtual',
  meetingLink: 'https://meet.example.org/sam',
  place: '',
  outOfMonthReason: '',
  reason: '',
  conflictOverrideReason: '',
};

describe('checkSlot', () => {
  it('asks for a missing date and time', () => {
    expect(checkSlot({ date: '', time: '' }).errors).toEqual({
      date: 'Enter the date',
      time: 'Enter the start time, like 14:00',
    });
  });

  it('turns a London date and time into an instant, in GMT and in BST', () => {
    expect(checkSlot({ date: '2026-12-29', time: '14:00' }).startsAt).toBe('2026-12-29T14:00:00.000Z');
    expect(checkSlot({ date: '2027-04-06', time: '14:00' }).startsAt).toBe('2027-04-06T13:00:00.000Z');
  });

  it('explains a time the clocks skip', () => {
    const { errors, startsAt } = checkSlot({ date: '2027-03-28', time: '01:30' });
    expect(startsAt).toBeNull();
    expect(errors.time).toMatch(/clocks go forward/);
  });
});

describe('validateBooking', () => {
  it('accepts a complete virtual booking inside the month', () => {
    expect(validateBooking(valid, rules)).toEqual({});
  });

  it('keeps the duration within the range of the plan', () => {
    expect(validateBooking({ ...valid, durationMinutes: '90' }, rules).durationMinutes).toBe(
      'This session lasts between 30 minutes and 1 hour',
    );
    expect(validateBooking({ ...valid, durationMinutes: '' }, rules).durationMinutes).toMatch(/Enter how long/);
    expect(validateBooking({ ...valid, durationMinutes: '4.5' }, rules).durationMinutes).toMatch(/whole number/);
  });

  it('needs a meeting link for a virtual session and a place for a face-to-face one', () => {
    expect(validateBooking({ ...valid, meetingLink: '' }, rules).meetingLink).toBe(
      'A virtual session needs a meeting link',
    );
    expect(validateBooking({ ...valid, meetingLink: 'teams' }, rules).meetingLink).toMatch(/web address/);
    expect(validateBooking({ ...valid, mode: 'face_to_face', meetingLink: '' }, rules).place).toBe(
      'A face-to-face session needs a place',
    );
    expect(validateBooking({ ...valid, mode: 'face_to_face', place: 'Room 2' }, rules)).toEqual({});
  });

  it('asks why only when the date is outside the plan month', () => {
    expect(isOutsideMonth('2026-12-25', rules.monthStartsOn, rules.monthEndsBefore)).toBe(false);
    expect(isOutsideMonth('2027-01-24', rules.monthStartsOn, rules.monthEndsBefore)).toBe(false);
    expect(isOutsideMonth('2027-01-25', rules.monthStartsOn, rules.monthEndsBefore)).toBe(true);
    expect(isOutsideMonth('2026-12-24', rules.monthStartsOn, rules.monthEndsBefore)).toBe(true);
    expect(validateBooking({ ...valid, date: '2027-01-26' }, rules).outOfMonthReason).toBe(
      'This session belongs to month 4 (25 December 2026 to 24 January 2027). Say why it is booked on 26 January 2027',
    );
    expect(validateBooking({ ...valid, date: '2027-01-26', outOfMonthReason: 'Leave' }, rules)).toEqual({});
  });

  it('asks for the reason of a reschedule and of booking over a clash', () => {
    const errors = validateBooking(valid, { ...rules, requireReason: true, requireOverrideReason: true });
    expect(Object.keys(errors).sort()).toEqual(['conflictOverrideReason', 'reason']);
  });
});

describe('requests', () => {
  it('sends only what applies', () => {
    expect(toBookingRequest(valid, 3, rules)).toEqual({
      startsAt: '2026-12-29T14:00:00.000Z',
      durationMinutes: 45,
      mode: 'virtual',
      meetingLink: 'https://meet.example.org/sam',
      version: 3,
    });
    expect(
      toBookingRequest(
        { ...valid, mode: 'face_to_face', place: ' Room 2 ', date: '2027-02-01', outOfMonthReason: 'Leave' },
        1,
        rules,
      ),
    ).toEqual({
      startsAt: '2027-02-01T14:00:00.000Z',
      durationMinutes: 45,
      mode: 'face_to_face',
      place: 'Room 2',
      outOfMonthReason: 'Leave',
      version: 1,
    });
  });

  it('adds the reason of a reschedule and of an override', () => {
    const request = toRescheduleRequest({ ...valid, reason: 'Illness', conflictOverrideReason: 'Short call' }, 2, {
      ...rules,
      requireReason: true,
      requireOverrideReason: true,
    });
    expect(request.reason).toBe('Illness');
    expect(request.conflictOverrideReason).toBe('Short call');
  });
});

describe('the form filled from a session', () => {
  it('uses the booked time in London and the plan defaults', () => {
    const values = initialBookingValues({
      startsAt: '2026-07-01T09:00:00.000Z',
      durationMinutes: null,
      durationRange: { min: 30, max: 60 },
      mode: 'virtual',
      meetingLink: null,
      place: null,
      outOfMonthReason: null,
    });
    expect(values.date).toBe('2026-07-01');
    expect(values.time).toBe('10:00');
    expect(values.durationMinutes).toBe('30');
  });
});

describe('mapServerErrors', () => {
  it('puts each API error next to its field and keeps the others apart', () => {
    expect(
      mapServerErrors([
        { field: 'startsAt', reason: 'must be in the future' },
        { field: 'meetingLink', reason: 'must be a URL' },
        { field: 'version', reason: 'must be a number' },
      ]),
    ).toEqual({
      fields: { date: 'Must be in the future', meetingLink: 'Must be a URL' },
      other: ['Must be a number'],
    });
  });
});
