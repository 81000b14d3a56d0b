/** The map feature's public surface: the jurisdiction map of 态势感知. */
export { AwarenessMap, type AwarenessMapProps } from './AwarenessMap';
