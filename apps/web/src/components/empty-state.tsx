import type { ReactNode } from 'react';
import { Card } from './card';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** The heading level that fits the page outline. */
  headingLevel?: 2 | 3;
}

/** A list with nothing in it yet: what that means and what will make something appear, in an NHS card. */
export function EmptyState({ title, children, headingLevel = 2 }: EmptyStateProps) {
  return (
    <Card heading={title} headingLevel={headingLevel}>
      {children}
    </Card>
  );
}
