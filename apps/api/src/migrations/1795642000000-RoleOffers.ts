import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Roles offered by e-mail and held only once accepted (apps/api/src/people/role-offer.entity.ts), and the link
 * that accepts one when the person already has an account.
 */
export class RoleOffers1795642000000 implements MigrationInterface {
    name = 'RoleOffers1795642000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "role_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "role" text NOT NULL, "organisation_id" uuid NOT NULL, "alliance_id" uuid NOT NULL, "full_name" text NOT NULL, "email" text NOT NULL, "invited_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, "declined_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "role_offer_role_check" CHECK (role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc')), CONSTRAINT "PK_role_offer" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4227fb992860fe4e00d7687aa0" ON "role_offer" ("person_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_46500d39bec88cc69f336bded1" ON "role_offer" ("alliance_id") `);
        await queryRunner.query(`ALTER TABLE "role_offer" ADD CONSTRAINT "FK_4227fb992860fe4e00d7687aa05" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_offer" ADD CONSTRAINT "FK_74918e36f5b603f7091aad26d08" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot', 'set_password', 'accept_role'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "action_link" WHERE purpose = 'accept_role'`);
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot', 'set_password'))`);
        await queryRunner.query(`DROP TABLE "role_offer"`);
    }
}
