/** 党群's public surface: the header button that opens the party dialog (issue 15). */
export { PartyButton } from './PartyButton';
/** 协办党员 on the dispatch desk's order detail (docs/PARTY.md). */
export { OrderAssists } from './OrderAssists';
