import type { UploadProgress } from '../../../lib/api-client';

/** Whole percent sent, 0 to 100; 0 until the size is known. */
export function uploadPercent({ loaded, total }: UploadProgress): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}
