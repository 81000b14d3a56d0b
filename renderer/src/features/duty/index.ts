/** 值班's public surface: the status bar item (who is on duty) that opens the roster and handover. */
export { DutyStatus } from './DutyStatus';
