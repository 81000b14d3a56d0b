/** party.*: the party network as a dispatch force — the volunteer loop, 积分, the party screens (issue 15). */
import type { HandlerRegistry } from '../../runtime/registry';
import {
  partyAccept,
  partyAssign,
  partyDecline,
  partyDone,
  partyLedger,
  partyMembers,
  partyOverview,
  partyRanking,
  partyRate,
  partyRequest,
  partySuggest,
  partyTasks,
} from './party';
import { partyAssist, partyAssists, partyMine, partyUnassist } from './assist';

/** The demo seed registers its members' service slots through this (模拟数据). */
export { writeMemberSlots } from './queries';

export function register(registry: HandlerRegistry): void {
  registry
    .register('party.overview', partyOverview)
    .register('party.members', partyMembers)
    .register('party.tasks', partyTasks)
    .register('party.suggest', partySuggest)
    .register('party.ranking', partyRanking)
    .register('party.ledger', partyLedger)
    .register('party.request', partyRequest)
    .register('party.assign', partyAssign)
    .register('party.accept', partyAccept)
    .register('party.decline', partyDecline)
    .register('party.done', partyDone)
    .register('party.rate', partyRate)
    .register('party.mine', partyMine)
    .register('party.assists', partyAssists)
    .register('party.assist', partyAssist)
    .register('party.unassist', partyUnassist);
}
