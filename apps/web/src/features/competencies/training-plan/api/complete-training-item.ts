import type { TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload, type UploadProgress } from '../../../../lib/api-client';
import { trainingPlanQueryKey } from './get-training-plan';

export interface CompleteTrainingItem {
  itemId: string;
  /** YYYY-MM-DD */
  completedOn: string;
  version: number;
  certificate: File | null;
  onProgress?: (progress: UploadProgress) => void;
}

/** The CCC marks an item done on a date, with a certificate if they have one (multipart, progress shown). */
export function completeTrainingItem({
  itemId,
  completedOn,
  version,
  certificate,
  onProgress,
}: CompleteTrainingItem): Promise<TrainingPlanResponse> {
  const form = new FormData();
  form.append('completedOn', completedOn);
  form.append('version', String(version));
  if (certificate) form.append('certificate', certificate, certificate.name);
  return apiUpload<TrainingPlanResponse>(`/training-plan-items/${encodeURIComponent(itemId)}/complete`, form, {
    onProgress,
  });
}

export function useCompleteTrainingItem(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompleteTrainingItem) => completeTrainingItem(input),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}
