import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time now, as one injectable thing: every service reads it here (not `new Date()`), so tests replace or move
 * it for the whole API at once. Durations (timeouts, cache ages, rate windows) use `performance.now()` instead.
 */
@Injectable()
export class Clock {
  now(): Date {
    // The one real-clock read in the API.
    return new Date();
  }
}

/** Global, so any feature injects the same clock without importing a module for it. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
