import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';

/**
 * Sign-in attempts per address. The named 'login' limit would announce itself as Retry-After-login; clients
 * read the standard Retry-After, so it is set too.
 */
@Injectable()
export class AddressThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', Math.max(1, Math.ceil(detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

/** Sign-in attempts per account, whatever the address: guessing one person's password from many machines. */
@Injectable()
export class AccountThrottlerGuard extends AddressThrottlerGuard {
  protected override async getTracker(req: Request): Promise<string> {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
  }
}
