/** The training plan's pure parts: items by month, the progress sentence, and the add and done forms' rules. */
import type { CreateTrainingPlanItemRequest, TrainingPlanItemView, TrainingPlanResponse } from '@ccc/contracts';
import type { TrainingItemKind } from '@ccc/programme';

export function itemsByMonth(
  items: readonly TrainingPlanItemView[],
): { month: number; items: TrainingPlanItemView[] }[] {
  const months = new Map<number, TrainingPlanItemView[]>();
  for (const item of items) months.set(item.targetMonth, [...(months.get(item.targetMonth) ?? []), item]);
  return [...months.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, list]) => ({ month, items: [...list].sort((a, b) => a.title.localeCompare(b.title)) }));
}

export function progressText(done: number, total: number): string {
  if (total === 0) return 'No items in the plan yet';
  return `${done} of ${total} ${total === 1 ? 'item' : 'items'} done`;
}

// ---- Adding an item ----

export interface AddItemValues {
  kind: TrainingItemKind | '';
  courseKey: string;
  title: string;
  /** A month of the programme, as the select's value. */
  targetMonth: string;
  competencyCodes: string[];
}

export const EMPTY_ADD_ITEM: AddItemValues = {
  kind: '',
  courseKey: '',
  title: '',
  targetMonth: '',
  competencyCodes: [],
};

export const addItemFieldIds = {
  kind: 'plan-kind',
  courseKey: 'plan-course',
  title: 'plan-title',
  targetMonth: 'plan-month',
  competencyCodes: 'plan-competencies',
} as const;

export type AddItemField = keyof typeof addItemFieldIds;
export type AddItemErrors = Partial<Record<AddItemField, string>>;

type PlanContext = Pick<TrainingPlanResponse, 'courses' | 'teaching' | 'durationMonths'>;

export function validateAddItem(values: AddItemValues, plan: PlanContext): AddItemErrors {
  const errors: AddItemErrors = {};
  if (!values.kind) errors.kind = 'Select what kind of item it is';
  if (values.kind === 'course' && !plan.courses.some((c) => c.key === values.courseKey)) {
    errors.courseKey = 'Select the course';
  }
  if (values.kind === 'free') {
    const title = values.title.trim();
    if (!title) errors.title = 'Enter what the item is, for example shadowing a practice nurse';
    else if (title.length > 200) errors.title = 'The title must be 200 characters or fewer';
  }
  const month = Number(values.targetMonth);
  if (!values.targetMonth) errors.targetMonth = 'Select the month to do it by';
  else if (!Number.isInteger(month) || month < 1 || month > plan.durationMonths) {
    errors.targetMonth = `Select a month of the programme, 1 to ${plan.durationMonths}`;
  } else if (values.kind === 'group_teaching' && !plan.teaching.some((t) => t.month === month)) {
    errors.targetMonth = `There is no group teaching in month ${month}: select a month with teaching`;
  }
  return errors;
}

export function toCreateItemRequest(values: AddItemValues): CreateTrainingPlanItemRequest | null {
  if (!values.kind) return null;
  const request: CreateTrainingPlanItemRequest = {
    kind: values.kind,
    targetMonth: Number(values.targetMonth),
    competencyCodes: [...new Set(values.competencyCodes)],
  };
  if (values.kind === 'course') request.courseKey = values.courseKey;
  if (values.kind === 'free') request.title = values.title.trim();
  return request;
}

export function addItemFieldFor(serverField: string): AddItemField | null {
  const head = serverField.split(/[.[]/)[0] ?? '';
  return head in addItemFieldIds ? (head as AddItemField) : null;
}

/** The months a kind of item may target: group teaching only where the programme has it. */
export function monthsFor(kind: TrainingItemKind | '', plan: PlanContext): { month: number; label: string }[] {
  if (kind === 'group_teaching') {
    return [...plan.teaching]
      .sort((a, b) => a.month - b.month)
      .map((t) => ({ month: t.month, label: `Month ${t.month}: ${t.topic}` }));
  }
  return Array.from({ length: plan.durationMonths }, (_, i) => ({ month: i + 1, label: `Month ${i + 1}` }));
}

// ---- Marking an item done ----

export function validateCompletedOn(value: string, today: string): string | null {
  if (!value) return 'Enter the date you did it';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Enter a real date';
  if (value > today) return 'The date must be today or in the past';
  return null;
}
