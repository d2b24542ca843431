import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/**
 * A file a CCC gave as evidence or as a training certificate, kept in PostgreSQL with its SHA-256. The content is
 * never loaded with the row (select: false): only a download reads it.
 */
@Entity('evidence_file')
@Check('evidence_file_size_check', `size_bytes > 0 AND size_bytes <= 10485760`)
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** As recognised from the content, not as the browser claimed. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_by_id', type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: Person;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
