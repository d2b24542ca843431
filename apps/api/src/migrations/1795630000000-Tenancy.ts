import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Tenancy by Alliance: every organisation knows its Alliance (set by a trigger from the parent chain), a session
 * remembers the Alliance its person acts in, competency frameworks belong to an Alliance (the built-in default to
 * none), and the nation with its national viewers. Also an index on the audit trail's actor.
 */
export class Tenancy1795630000000 implements MigrationInterface {
    name = 'Tenancy1795630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_kind_check"`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kind_check" CHECK (kind IN ('nation', 'alliance', 'pcn', 'practice'))`);
        await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_role_check"`);
        await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_role_check" CHECK (role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc', 'national_viewer'))`);
        await queryRunner.query(`ALTER TABLE "competency_framework" DROP CONSTRAINT "competency_framework_key_version"`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD "alliance_id" uuid`);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD "alliance_id" uuid`);
        await queryRunner.query(`ALTER TABLE "competency_framework" ADD "alliance_id" uuid`);
        await queryRunner.query(`CREATE INDEX "IDX_741c535acd33e1ecf9e211cbde" ON "organisation" ("alliance_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b2b8789979fae357ea66610afa" ON "competency_framework" ("alliance_id") `);
        await queryRunner.query(`ALTER TABLE "competency_framework" ADD CONSTRAINT "competency_framework_alliance_key_version" UNIQUE ("alliance_id", "key", "version")`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "FK_741c535acd33e1ecf9e211cbde5" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_framework" ADD CONSTRAINT "FK_b2b8789979fae357ea66610afa4" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Subject-access exports read a person's audit entries by actor.
        await queryRunner.query(`CREATE INDEX "IDX_97535621724623160ea0427566" ON "audit_entry" ("actor_id") `);
        // The Alliance of an organisation follows from its parent chain; the trigger keeps the two from disagreeing.
        await queryRunner.query(`
            CREATE FUNCTION organisation_set_alliance() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.kind = 'alliance' THEN
                    NEW.alliance_id := NEW.id;
                ELSIF NEW.kind = 'nation' OR NEW.parent_id IS NULL THEN
                    NEW.alliance_id := NULL;
                ELSE
                    SELECT alliance_id INTO NEW.alliance_id FROM organisation WHERE id = NEW.parent_id;
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER organisation_set_alliance BEFORE INSERT OR UPDATE OF kind, parent_id ON organisation FOR EACH ROW EXECUTE FUNCTION organisation_set_alliance()`);
        await queryRunner.query(`
            WITH RECURSIVE tree AS (
                SELECT id, id AS alliance_id FROM organisation WHERE kind = 'alliance'
                UNION ALL
                SELECT o.id, tree.alliance_id FROM organisation o JOIN tree ON o.parent_id = tree.id WHERE o.kind <> 'alliance'
            )
            UPDATE organisation o SET alliance_id = tree.alliance_id FROM tree WHERE tree.id = o.id`);
        // Frameworks imported before tenancy belong to the Alliance of the administrator who imported them.
        await queryRunner.query(`
            UPDATE competency_framework f SET alliance_id = (
                SELECT o.alliance_id FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                 WHERE ra.person_id = f.imported_by_id AND o.alliance_id IS NOT NULL
                 ORDER BY ra.created_at LIMIT 1)
             WHERE f.imported_by_id IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER organisation_set_alliance ON organisation`);
        await queryRunner.query(`DROP FUNCTION organisation_set_alliance()`);
        await queryRunner.query(`DROP INDEX "public"."IDX_97535621724623160ea0427566"`);
        await queryRunner.query(`ALTER TABLE "competency_framework" DROP CONSTRAINT "FK_b2b8789979fae357ea66610afa4"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_741c535acd33e1ecf9e211cbde5"`);
        await queryRunner.query(`ALTER TABLE "competency_framework" DROP CONSTRAINT "competency_framework_alliance_key_version"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b2b8789979fae357ea66610afa"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_741c535acd33e1ecf9e211cbde"`);
        await queryRunner.query(`ALTER TABLE "competency_framework" DROP COLUMN "alliance_id"`);
        await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "alliance_id"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "alliance_id"`);
        await queryRunner.query(`ALTER TABLE "competency_framework" ADD CONSTRAINT "competency_framework_key_version" UNIQUE ("key", "version")`);
        await queryRunner.query(`DELETE FROM role_assignment WHERE role = 'national_viewer'`);
        await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_role_check"`);
        await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_role_check" CHECK (role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'))`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_kind_check"`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kind_check" CHECK (kind IN ('alliance', 'pcn', 'practice'))`);
    }

}
