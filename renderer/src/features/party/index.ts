/** 党群's public surface: the header button that opens the party dialog (issue 15). */
export { PartyButton } from './PartyButton';
