import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TemplateResponse, TemplateValidationResponse } from '@ccc/contracts';
import { validateTemplate } from '@ccc/programme';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { inCallersAlliance } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { Conflict, type FieldError, Invalid, NotFound } from '../common/domain-errors';
import { oneRow } from '../common/one-row';
import type { TemplateVersionDto } from './dto/template-version.dto';
import { ProgrammeTemplateVersion } from './programme-template.entity';

/** A definition the programme's rules refuse (400): the fields at fault, with every warning beside them. */
class TemplateRefused extends Invalid {
  constructor(message: string, errors: FieldError[], warnings: unknown[]) {
    super(errors, message);
    this.details['warnings'] = warnings;
  }
}

function describe(row: ProgrammeTemplateVersion): TemplateResponse {
  const validation = validateTemplate(row.definition);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    version: row.version,
    definition: row.definition,
    warnings: validation.warnings,
    createdAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commands: Commands,
  ) {}

  /** The templates of the caller's Alliance (each Alliance keeps its own programme). */
  async list(user: AuthUser): Promise<TemplateResponse[]> {
    const rows = await this.db
      .getRepository(ProgrammeTemplateVersion)
      .find({ where: inCallersAlliance(user), order: { key: 'ASC', version: 'DESC' } });
    return rows.map(describe);
  }

  async get(user: AuthUser, id: string): Promise<TemplateResponse> {
    const row = await this.db.getRepository(ProgrammeTemplateVersion).findOneBy({ id, ...inCallersAlliance(user) });
    if (!row) throw new NotFound('Template not found');
    return describe(row);
  }

  /**
   * The definition as the next version of template `id` would be: its key, and the latest version + 1. Only the
   * latest version is written from (409 otherwise).
   */
  private async nextVersion(manager: EntityManager, user: AuthUser, id: string, definition: unknown) {
    const base = await manager.getRepository(ProgrammeTemplateVersion).findOneBy({ id, ...inCallersAlliance(user) });
    if (!base) throw new NotFound('Template not found');
    const { latest } = oneRow(
      (await manager.query(
        'SELECT max(version)::int AS latest FROM programme_template WHERE alliance_id = $1 AND key = $2',
        [base.allianceId, base.key],
      )) as { latest: number }[],
    );
    // A version written from an older one would silently undo what the newer ones changed (#24): refused, as a
    // stale edit is, for the administrator to make the change on the latest.
    if (base.version !== latest)
      throw new Conflict(
        `This is version ${base.version} of the template, and version ${latest} has been saved since: open version ${latest} and make the change there, so that nothing it changed is undone`,
      );
    const version = latest + 1;
    // A non-object definition is left as it is, for validation to refuse.
    const next =
      typeof definition === 'object' && definition !== null && !Array.isArray(definition)
        ? { ...definition, key: base.key, version }
        : definition;
    return { base, version, validation: validateTemplate(next) };
  }

  /** The dry run: what saving would say (errors with their paths, warnings), nothing saved. */
  async validate(user: AuthUser, id: string, dto: TemplateVersionDto): Promise<TemplateValidationResponse> {
    const { base, version, validation } = await this.nextVersion(this.db.manager, user, id, dto.definition);
    return {
      valid: validation.valid,
      errors: validation.errors,
      warnings: validation.warnings,
      wouldBe: validation.valid ? { key: base.key, version } : null,
    };
  }

  /**
   * Saves the next version. Errors refuse it (400, each with its path); warnings are for the administrator to
   * read, so saving a definition with warnings needs `acknowledgedWarnings`.
   */
  async createVersion(user: AuthUser, id: string, dto: TemplateVersionDto): Promise<TemplateResponse> {
    try {
      const saved = await this.commands.run({
        load: ({ manager }) => this.nextVersion(manager, user, id, dto.definition),
        apply: async ({ manager }, { base, version, validation }) => {
          if (!validation.valid)
            throw new TemplateRefused(
              'The template has errors',
              validation.errors.map((e) => ({
                field: `definition${e.path ? `.${e.path}` : ''}`,
                reason: e.message,
              })),
              validation.warnings,
            );
          if (validation.warnings.length > 0 && dto.acknowledgedWarnings !== true)
            throw new TemplateRefused(
              'The template has warnings: read them, then save again acknowledging them',
              [{ field: 'acknowledgedWarnings', reason: `the template has ${validation.warnings.length} warning(s)` }],
              validation.warnings,
            );
          return manager.save(
            manager.create(ProgrammeTemplateVersion, {
              allianceId: base.allianceId,
              key: base.key,
              version,
              name: validation.template.name,
              definition: validation.template,
            }),
          );
        },
        audit: ({ base, version, validation }, row) => ({
          actorId: user.id,
          action: 'template.version_created',
          entityType: 'programme_template',
          entityId: row.id,
          detail: { key: base.key, version, from: base.id, warnings: validation.warnings },
        }),
      });
      return this.get(user, saved.id);
    } catch (error) {
      // Two administrators saving at once: the unique (alliance, key, version) lets one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new Conflict('Another version of this template was saved meanwhile; reload and try again');
      throw error;
    }
  }
}
