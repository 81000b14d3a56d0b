/**
 * The sentences of the 冲突 list, one per kind of conflict, written once for the hall's engine
 * (events refused or raced when pushed) and for applying a pulled batch.
 */

/** An event that raced changes of other nodes to the same order; HLC order decided. */
export function concurrentConflictReason(others: readonly string[]): string {
  return `与其他节点的并发修改冲突（${others.length} 项：${others.slice(0, 3).join('、')}），已按 HLC 时间顺序合并，请核对`;
}

/** An event the upstream platform refused, with its reason. */
export function refusedUpstreamReason(why: string): string {
  return `上级平台拒收：${why}`;
}
