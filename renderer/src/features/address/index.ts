/** The address feature's public surface: the intake's 地址匹配 hint and the detail's 地图定位 box;
 * the header's 部件导入 entry (admins). */
export { AddressMatchHint, type AddressMatchHintProps } from './AddressMatchHint';
export { OrderLocate } from './OrderLocate';
export { AssetPick, assetAddress, type AssetPickProps } from './AssetPick';
export { AssetImportButton } from './AssetImportButton';
