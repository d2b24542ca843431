import { MigrationInterface, QueryRunner } from "typeorm";

/** Single sign-on by OpenID Connect: each Alliance's provider, the accounts linked to people, who must use it. */
export class SingleSignOn1795670000000 implements MigrationInterface {
    name = 'SingleSignOn1795670000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sso_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alliance_id" uuid NOT NULL, "person_id" uuid NOT NULL, "subject" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db3de767ebaf969f33f59a5196b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ca5d3ca1b5ce244a1027f39a09" ON "sso_identity" ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e21daf901bb7de4729bca6b777" ON "sso_identity" ("alliance_id", "person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_95f4ad8343341d1683ffd8faa7" ON "sso_identity" ("alliance_id", "subject") `);
        await queryRunner.query(`CREATE TABLE "sso_provider" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "alliance_id" uuid NOT NULL, "slug" text NOT NULL, "label" text NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_file" text, "scopes" text NOT NULL DEFAULT 'openid email profile', "acr_values" text, "email_claim" text NOT NULL DEFAULT 'email', "subject_claim" text NOT NULL DEFAULT 'sub', "require_verified_email" boolean NOT NULL DEFAULT true, "enabled" boolean NOT NULL DEFAULT true, "sso_required" boolean NOT NULL DEFAULT false, CONSTRAINT "sso_provider_slug_check" CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'), CONSTRAINT "PK_fef1f82e635732b8bca7d7d93d4" PRIMARY KEY ("alliance_id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_60746b726697980b0acc7808a8" ON "sso_provider" ("slug") `);
        await queryRunner.query(`CREATE TABLE "sso_required_person" ("alliance_id" uuid NOT NULL, "person_id" uuid NOT NULL, "required_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c7509508c6cd54bd9d9a183363" PRIMARY KEY ("alliance_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8295903a6228c4a7888fdc7ed2" ON "sso_required_person" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD "sso_alliance_id" uuid`);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD "sso_id_token" text`);
        await queryRunner.query(`ALTER TABLE "sso_identity" ADD CONSTRAINT "FK_45c8ff8a5b95389bbbe8fa4011f" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_identity" ADD CONSTRAINT "FK_ca5d3ca1b5ce244a1027f39a093" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_provider" ADD CONSTRAINT "FK_fef1f82e635732b8bca7d7d93d4" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_required_person" ADD CONSTRAINT "FK_c4997993a025649f058a550d9b9" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_required_person" ADD CONSTRAINT "FK_8295903a6228c4a7888fdc7ed25" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sso_required_person" DROP CONSTRAINT "FK_8295903a6228c4a7888fdc7ed25"`);
        await queryRunner.query(`ALTER TABLE "sso_required_person" DROP CONSTRAINT "FK_c4997993a025649f058a550d9b9"`);
        await queryRunner.query(`ALTER TABLE "sso_provider" DROP CONSTRAINT "FK_fef1f82e635732b8bca7d7d93d4"`);
        await queryRunner.query(`ALTER TABLE "sso_identity" DROP CONSTRAINT "FK_ca5d3ca1b5ce244a1027f39a093"`);
        await queryRunner.query(`ALTER TABLE "sso_identity" DROP CONSTRAINT "FK_45c8ff8a5b95389bbbe8fa4011f"`);
        await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "sso_id_token"`);
        await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "sso_alliance_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8295903a6228c4a7888fdc7ed2"`);
        await queryRunner.query(`DROP TABLE "sso_required_person"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_60746b726697980b0acc7808a8"`);
        await queryRunner.query(`DROP TABLE "sso_provider"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_95f4ad8343341d1683ffd8faa7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e21daf901bb7de4729bca6b777"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ca5d3ca1b5ce244a1027f39a09"`);
        await queryRunner.query(`DROP TABLE "sso_identity"`);
    }

}
