/** Turns valibot issues into one readable line each, naming the entry (by id where it has one). */
import type * as v from 'valibot';

export function describeIssues(where: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const parts: string[] = [];
    for (const step of issue.path ?? []) {
      // For an array item, `value` is the item itself: name it by its id where it has one.
      const item = step.value as { id?: unknown } | null | undefined;
      if (typeof step.key === 'number') parts.push(typeof item?.id === 'string' ? item.id : `#${step.key + 1}`);
      else parts.push(String(step.key));
    }
    return `${where}${parts.length ? ` → ${parts.join(' → ')}` : ''}: ${issue.message}`;
  });
}
