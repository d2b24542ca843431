import { MigrationInterface, QueryRunner } from "typeorm";

/** Needs agreed at a TNA, accepted into the training plan or dropped (#15 item 10). */
export class TrainingProposals1795656000000 implements MigrationInterface {
    name = 'TrainingProposals1795656000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "training_proposal_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tna_id" uuid NOT NULL, "competency_code" text NOT NULL, "decision" text NOT NULL, "training_plan_item_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "training_proposal_decision_tna_code" UNIQUE ("tna_id", "competency_code"), CONSTRAINT "training_proposal_decision_check" CHECK (decision IN ('accepted', 'dropped')), CONSTRAINT "PK_50b429d4d8336b1b568bc09b651" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "training_proposal_decision" ADD CONSTRAINT "FK_c0a3145ea9e0e68f251048acd04" FOREIGN KEY ("tna_id") REFERENCES "tna"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_proposal_decision" ADD CONSTRAINT "FK_29bff42b2048cce5e105ff9cbef" FOREIGN KEY ("training_plan_item_id") REFERENCES "training_plan_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "training_proposal_decision" DROP CONSTRAINT "FK_29bff42b2048cce5e105ff9cbef"`);
        await queryRunner.query(`ALTER TABLE "training_proposal_decision" DROP CONSTRAINT "FK_c0a3145ea9e0e68f251048acd04"`);
        await queryRunner.query(`DROP TABLE "training_proposal_decision"`);
    }
}
