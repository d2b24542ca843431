import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Erasure of an enrolment's personal data (apps/api/src/retention): when and why it was erased, and a narrow way
 * through the insert-only triggers of competency_review and enrolment_amendment. Only a transaction that has set
 * ccc.erasing may change those rows, and only their free text, and only to the erased marker: a sign-off's outcome,
 * rating, reviewer and date, and an amendment's record and author, still cannot be edited.
 */
export class Erasure1795630200000 implements MigrationInterface {
    name = 'Erasure1795630200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "enrolment" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD "erased_reason" text`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION competency_review_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND current_setting('ccc.erasing', true) = 'on' THEN
                IF NEW.comment = '[erased]' AND to_jsonb(NEW) - 'comment' = to_jsonb(OLD) - 'comment' THEN RETURN NEW; END IF;
              END IF;
              RAISE EXCEPTION 'competency_review is insert-only: % refused', TG_OP;
            END $$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION enrolment_amendment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND current_setting('ccc.erasing', true) = 'on' THEN
                IF NEW.reason = '[erased]'
                   AND to_jsonb(NEW) - ARRAY['reason', 'before', 'after'] = to_jsonb(OLD) - ARRAY['reason', 'before', 'after']
                THEN RETURN NEW; END IF;
              END IF;
              RAISE EXCEPTION 'enrolment_amendment is insert-only: % refused', TG_OP;
            END $$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE OR REPLACE FUNCTION enrolment_amendment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'enrolment_amendment is insert-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION competency_review_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'competency_review is insert-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "erased_reason"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "erased_at"`);
    }

}
