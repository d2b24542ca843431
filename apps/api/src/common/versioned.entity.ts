import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Columns of every row people edit: the version makes a stale edit a 409 rather than a lost update. */
export abstract class Versioned {
  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
