import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationView } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { type CommandContext, Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, NotFound } from '../common/domain-errors';
import { oneRow } from '../common/one-row';
import type { CreateOrganisationDto, OrganisationVersionDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { Clock } from '../common/clock';

function view(o: Organisation): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind as 'pcn',
    parentId: o.parentId,
    closedAt: o.closedAt?.toISOString() ?? null,
    version: o.version,
  };
}

/**
 * An administrator's PCNs: added, renamed and closed in their own Alliance. A closed PCN keeps its history (its
 * enrolments, people and records stay) and takes no new enrolments, invitations or moves.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  private async refuseDuplicate(manager: EntityManager, allianceId: string, name: string, except?: string) {
    const [same] = (await manager.query(
      `SELECT id FROM organisation WHERE parent_id = $1 AND kind = 'pcn' AND lower(name) = lower($2)
          AND ($3::uuid IS NULL OR id <> $3)`,
      [allianceId, name, except ?? null],
    )) as { id: string }[];
    if (same) throw new Conflict(`Your Alliance already has a PCN called \u201c${name}\u201d`);
  }

  async create(user: AuthUser, dto: CreateOrganisationDto): Promise<OrganisationView> {
    const allianceId = this.access.actingAlliance(user);
    const name = dto.name.trim();
    const id = await this.commands.run({
      load: async () => allianceId,
      apply: async ({ manager }) => {
        // One administrator at a time adds a PCN to an Alliance, so that two of one name cannot both pass the check.
        await manager.query('SELECT id FROM organisation WHERE id = $1 FOR UPDATE', [allianceId]);
        await this.refuseDuplicate(manager, allianceId, name);
        const saved = await manager.save(manager.create(Organisation, { kind: 'pcn', name, parentId: allianceId }));
        return saved.id;
      },
      audit: (_, pcnId) => ({
        actorId: user.id,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: pcnId,
        detail: { before: null, after: { kind: 'pcn', name, parentId: allianceId } },
      }),
    });
    return view(await this.db.getRepository(Organisation).findOneByOrFail({ id }));
  }

  /** A command's first steps on a PCN of the caller's Alliance: locked (another Alliance's is a 404), version read. */
  private pcn(user: AuthUser, id: string, version: number) {
    return {
      load: ({ manager }: CommandContext) => this.lockPcn(manager, user, id),
      version: { read: version, of: (pcn: Organisation) => pcn, what: 'PCN' },
    };
  }

  private async lockPcn(manager: EntityManager, user: AuthUser, id: string) {
    const pcn = await manager
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id AND o.kind = :kind', { id, kind: 'pcn' })
      .andWhere('o.parent_id = :allianceId', { allianceId: this.access.actingAlliance(user) })
      .getOne();
    if (!pcn) throw new NotFound('PCN not found');
    return pcn;
  }

  async rename(user: AuthUser, id: string, dto: UpdateOrganisationDto): Promise<OrganisationView> {
    const name = dto.name.trim();
    await this.commands.run({
      ...this.pcn(user, id, dto.version),
      apply: async ({ manager }, pcn) => {
        // The PCN was found under the caller's Alliance (lockPcn): its parent.
        const allianceId = this.access.actingAlliance(user);
        await manager.query('SELECT id FROM organisation WHERE id = $1 FOR UPDATE', [allianceId]);
        await this.refuseDuplicate(manager, allianceId, name, id);
        await manager.update(Organisation, { id }, { name, version: pcn.version + 1 });
      },
      audit: (pcn) => ({
        actorId: user.id,
        action: 'organisation.renamed',
        entityType: 'organisation',
        entityId: id,
        detail: { before: { name: pcn.name }, after: { name } },
      }),
    });
    return view(await this.db.getRepository(Organisation).findOneByOrFail({ id }));
  }

  async close(user: AuthUser, id: string, dto: OrganisationVersionDto): Promise<OrganisationView> {
    await this.commands.run({
      ...this.pcn(user, id, dto.version),
      apply: async ({ manager }, pcn) => {
        if (pcn.closedAt) throw new Conflict('This PCN is already closed');
        const closedAt = this.clock.now();
        await manager.update(Organisation, { id }, { closedAt, version: pcn.version + 1 });
        const active = oneRow(
          (await manager.query(`SELECT count(*)::int AS n FROM enrolment WHERE pcn_id = $1 AND status = 'active'`, [
            id,
          ])) as { n: number }[],
        );
        return { closedAt, activeEnrolments: active.n };
      },
      audit: (_, { closedAt, activeEnrolments }) => ({
        actorId: user.id,
        action: 'organisation.closed',
        entityType: 'organisation',
        entityId: id,
        detail: { before: { closedAt: null }, after: { closedAt: closedAt.toISOString() }, activeEnrolments },
      }),
    });
    return view(await this.db.getRepository(Organisation).findOneByOrFail({ id }));
  }
}
