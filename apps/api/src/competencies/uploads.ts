import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, mixin, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ALLOWED_EVIDENCE_DESCRIPTION, detectEvidenceType, MAX_EVIDENCE_BYTES } from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import type { EvidenceFileView } from '@ccc/contracts';
import { IdempotencyInterceptor, markUploadRead } from '../idempotency/idempotency.interceptor';
import { EvidenceFile } from './evidence-file.entity';
import { insertedId } from '../common/lookup';
import { Invalid, TooLarge, UnsupportedType } from '../common/domain-errors';

/** What multer hands over for one file (kept in memory: the file goes to PostgreSQL, never to disk). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * One file in `field`, at most `maxBytes` (multer stops reading past it and Nest answers 413), a few text
 * fields beside it, nothing else. No storage option: multer keeps it in memory.
 */
export function singleFileUpload(field: string, maxBytes = MAX_EVIDENCE_BYTES) {
  const Upload = FileInterceptor(field, {
    // Browsers send the file name as raw UTF-8 (RFC 7578 4.2); busboy's default latin1 would turn "Café" into "CafÃ©".
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 100_000, parts: 10 },
  });
  /**
   * Reads the upload, then applies `Idempotency-Key` (the global interceptor runs before the file is read, and an
   * upload's fingerprint is its fields and its file's bytes).
   */
  @Injectable()
  class UploadThenIdempotency implements NestInterceptor {
    private readonly upload: NestInterceptor = new Upload();

    constructor(private readonly idempotency: IdempotencyInterceptor) {}

    intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      return Promise.resolve(
        this.upload.intercept(context, {
          handle: () => {
            markUploadRead(context.switchToHttp().getRequest<Request>());
            return this.idempotency.intercept(context, next);
          },
        }),
      ) as Promise<Observable<unknown>>;
    }
  }
  return mixin(UploadThenIdempotency);
}

export function requireFile(file: UploadedFile | undefined, field: string): UploadedFile {
  if (!file || file.size === 0)
    throw new Invalid({ field, reason: `${field} must be a file sent as multipart/form-data` });
  return file;
}

/** A name that is safe in a header and a file system: no folders, no control characters, not too long. */
export function safeFileName(name: string, extension: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(0, 150);
  if (!base) return `evidence.${extension}`;
  return base;
}

/** Recognises the file by its content (415 when it is not one we keep) and checks its size again. */
export function checkEvidenceFile(file: UploadedFile) {
  const type = detectEvidenceType(file.buffer, file.originalname);
  if (!type)
    throw new UnsupportedType(
      `This file is not ${ALLOWED_EVIDENCE_DESCRIPTION}: its content says otherwise, whatever its name`,
    );
  if (file.size > MAX_EVIDENCE_BYTES) throw new TooLarge('The file is over 10 MB');
  return type;
}

/** Stores an evidence file (already checked) in the caller's transaction, with its SHA-256. */
export async function storeEvidenceFile(
  manager: EntityManager,
  file: UploadedFile,
  contentType: string,
  extension: string,
  enrolmentId: string,
  uploadedById: string,
): Promise<EvidenceFile> {
  const row = manager.create(EvidenceFile, {
    enrolmentId,
    fileName: safeFileName(file.originalname, extension),
    contentType,
    sizeBytes: file.size,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    content: file.buffer,
    uploadedById,
  });
  // The database's own id and time of creation, as returned by the insert.
  const { identifiers, generatedMaps } = await manager.insert(EvidenceFile, row);
  const createdAt = generatedMaps[0]?.['createdAt'];
  if (!(createdAt instanceof Date)) throw new Error('The insert answered with no time of creation');
  return { ...row, id: insertedId({ identifiers }), createdAt };
}

export function toFileView(
  file: Pick<EvidenceFile, 'id' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256'>,
): EvidenceFileView {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    downloadUrl: `/api/evidence-files/${file.id}`,
  };
}
