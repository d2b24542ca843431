import { createHash, randomBytes } from 'node:crypto';
import { addDays } from 'date-fns';
import { type EntityManager, IsNull } from 'typeorm';
import { ActionLink, type LinkPurpose } from './action-link.entity';
import { Gone, NotFound } from '../common/domain-errors';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-purpose link for one target, replacing (revoking) any unused one for the same target and purpose.
 * Only the token's hash is stored; the token itself goes into the e-mail and nowhere else.
 */
export async function issueActionLink(
  manager: EntityManager,
  params: { purpose: LinkPurpose; targetId: string; personId: string; lifetimeDays: number; now: Date },
): Promise<{ token: string; link: ActionLink; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addDays(params.now, params.lifetimeDays);
  await manager.update(
    ActionLink,
    { targetId: params.targetId, purpose: params.purpose, usedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: params.now },
  );
  const link = await manager.save(
    manager.create(ActionLink, {
      tokenHash: hashToken(token),
      purpose: params.purpose,
      targetId: params.targetId,
      personId: params.personId,
      expiresAt,
      usedAt: null,
      revokedAt: null,
    }),
  );
  return { token, link, expiresAt };
}

/**
 * The live link for a token, if it serves one of these purposes: 404 for one that never existed (or serves
 * another purpose), 410 for one used, replaced or expired.
 */
export async function findLiveLink(
  manager: EntityManager,
  token: string,
  purposes: readonly LinkPurpose[],
  now: Date,
): Promise<ActionLink> {
  const link = await manager
    .getRepository(ActionLink)
    .findOne({ where: { tokenHash: hashToken(token) }, relations: { person: true } });
  if (!link || !purposes.includes(link.purpose)) throw new NotFound('This link is not valid');
  if (link.usedAt) throw new Gone('This link has already been used');
  if (link.revokedAt) throw new Gone('A newer link replaced this one; use the latest e-mail');
  if (link.expiresAt < now) throw new Gone('This link has expired; ask for a new one');
  return link;
}
