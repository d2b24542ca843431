import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../common/versioned.entity';
import { CompetencyFrameworkVersion, DEFAULT_FRAMEWORK_ID } from '../competencies/competency-framework.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';

/** A group of CCCs who start one template version's programme on the same date. */
@Entity('cohort')
export class Cohort extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  @Index()
  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => ProgrammeTemplateVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: ProgrammeTemplateVersion;

  /** The competency framework version the cohort's CCCs work towards: the seeded default unless set. */
  @Index()
  @Column({ name: 'competency_framework_id', type: 'uuid', default: DEFAULT_FRAMEWORK_ID })
  competencyFrameworkId!: string;

  @ManyToOne(() => CompetencyFrameworkVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_framework_id' })
  competencyFramework?: CompetencyFrameworkVersion;

  /** YYYY-MM-DD: month 1 of the programme starts on this date. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** When an administrator closed it: it keeps its records and takes no new enrolments. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The Alliance supervisors who run the cohort (group supervision, teaching). */
  @ManyToMany(() => Person)
  @JoinTable({
    name: 'cohort_supervisor',
    joinColumn: { name: 'cohort_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'person_id', referencedColumnName: 'id' },
  })
  supervisors?: Person[];
}
