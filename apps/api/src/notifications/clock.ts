import { Injectable } from '@nestjs/common';

/** The time now, as one injectable thing: the reminders read it, and tests replace or move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
