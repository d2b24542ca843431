import { MigrationInterface, QueryRunner } from "typeorm";

/** Each Alliance's information-governance policy (retention years, data controller, extra notice text). */
export class AlliancePolicy1795630100000 implements MigrationInterface {
    name = 'AlliancePolicy1795630100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "alliance_policy" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "alliance_id" uuid NOT NULL, "retention_years" integer NOT NULL DEFAULT '6', "controller_name" text, "contact_email" text, "contact_address" text, "notice_text" text, CONSTRAINT "alliance_policy_retention_check" CHECK (retention_years BETWEEN 1 AND 30), CONSTRAINT "PK_33c61f5e623770f49658be9edb7" PRIMARY KEY ("alliance_id"))`);
        await queryRunner.query(`ALTER TABLE "alliance_policy" ADD CONSTRAINT "FK_33c61f5e623770f49658be9edb7" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "alliance_policy" DROP CONSTRAINT "FK_33c61f5e623770f49658be9edb7"`);
        await queryRunner.query(`DROP TABLE "alliance_policy"`);
    }

}
