import { isHandler, type Actor, type DisputeContext, type Status } from '@tricolor/workflow';

/** Users a case names (accepting officer, lawyer, panel members): they may sit in another unit. */
export function assignedUserIds(ctx: DisputeContext): string[] {
  const ids = [ctx.officerId, ctx.lawyerId, ...ctx.panel.map((member) => member.userId)];
  return unique(ids.filter((id): id is string => id !== null));
}

/**
 * Which of `candidates` must act next on a case (DESIGN.md §4). The rule itself is the
 * workflow's `isHandler`, the one the guards use, so the inbox never disagrees with them.
 * Nobody must act on a closed case.
 */
export function handlersAmong(
  status: Status,
  ctx: DisputeContext,
  candidates: readonly Actor[],
): string[] {
  if (status === 'closed') return [];
  return unique(candidates.filter((actor) => isHandler(ctx, actor)).map((actor) => actor.id));
}

/** Keeps the first occurrence of each id, in order. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
