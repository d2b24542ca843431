import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TemplateResponse } from '@ccc/contracts';
import { validateTemplate } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { ProgrammeTemplateVersion } from './programme-template.entity';

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<TemplateResponse[]> {
    const rows = await this.db.getRepository(ProgrammeTemplateVersion).find({ order: { key: 'ASC', version: 'DESC' } });
    return rows.map(describe);
  }

  async get(id: string): Promise<TemplateResponse> {
    const row = await this.db.getRepository(ProgrammeTemplateVersion).findOneBy({ id });
    if (!row) throw new NotFoundException('Template not found');
    return describe(row);
  }
}
