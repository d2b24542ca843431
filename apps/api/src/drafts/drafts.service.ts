import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DRAFT_KEY_PATTERN, type DraftView } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { Draft } from './draft.entity';
import { Invalid } from '../common/domain-errors';
import { oneRow } from '../common/one-row';

export const MAX_DRAFT_CHARS = 100_000;

export function checkDraftKey(key: string): string {
  if (!DRAFT_KEY_PATTERN.test(key))
    throw validationFailed([{ field: 'key', reason: 'key must be letters, digits and :._- (at most 200)' }]);
  return key;
}

/** In the transaction that takes the real thing (DraftsCleanup) or that deletes it: the draft has served its purpose. */
export async function clearDraft(manager: EntityManager, personId: string, key: string): Promise<void> {
  await manager.delete(Draft, { personId, key });
}

/**
 * Drafts are each person's own: nobody else reads them, so they carry no version (the last save wins) and are
 * not audited (they are not records until submitted).
 */
@Injectable()
export class DraftsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(user: AuthUser, key: string): Promise<DraftView> {
    const row = await this.db.getRepository(Draft).findOneBy({ personId: user.id, key: checkDraftKey(key) });
    return { key, content: row?.content ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
  }

  async save(user: AuthUser, key: string, content: unknown): Promise<DraftView> {
    checkDraftKey(key);
    const text = JSON.stringify(content);
    if (content === undefined || content === null || text === undefined)
      throw validationFailed([{ field: 'content', reason: 'content must be given (any JSON but null)' }]);
    if (text.length > MAX_DRAFT_CHARS)
      throw new Invalid({ field: 'content', reason: `content must be at most ${MAX_DRAFT_CHARS} characters as JSON` });
    const rows: { updated_at: Date }[] = await this.db.query(
      `INSERT INTO draft (person_id, key, content, updated_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (person_id, key) DO UPDATE SET content = EXCLUDED.content, updated_at = now()
       RETURNING updated_at`,
      [user.id, key, text],
    );
    return { key, content: JSON.parse(text) as unknown, updatedAt: oneRow(rows).updated_at.toISOString() };
  }

  async remove(user: AuthUser, key: string): Promise<void> {
    await clearDraft(this.db.manager, user.id, checkDraftKey(key));
  }
}
