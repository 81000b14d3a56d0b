/** The awareness feature's public surface: the 态势感知 panel. */
export { AwarenessPanel } from './AwarenessPanel';
