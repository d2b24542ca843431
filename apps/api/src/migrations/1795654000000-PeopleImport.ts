import { MigrationInterface, QueryRunner } from 'typeorm';

/** A bulk import keeps each invited person's employment start on their role offer (issue #16, item 5). */
export class PeopleImport1795654000000 implements MigrationInterface {
  name = 'PeopleImport1795654000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role_offer" ADD "employment_start" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role_offer" DROP COLUMN "employment_start"`);
  }
}
