/**
 * 现场力量's public surface: the map data of the field force layer, the near-site list a whistle
 * shows, and the admin's fade/hide settings.
 */
export { fieldPoints, fieldRule, formatAge, FADED_OPACITY, type FieldFC } from './field-data';
export { useFieldClock } from './use-field-clock';
export { FieldNearList, type FieldNearListProps } from './FieldNearList';
export { FieldSettingsForm } from './FieldSettingsForm';
