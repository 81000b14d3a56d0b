/**
 * Jurisdiction: street → community → grid → building.
 * Codes follow the national statistics division codes where real (street 9 digits,
 * community 12 digits); grids and buildings get local codes derived from their parent.
 */

/** [longitude, latitude] in WGS84/GCJ-02 as delivered by the upstream (we do not convert). */
export type LngLat = readonly [number, number];

/** A simple polygon: one outer ring, closed (first point equals last). */
export type Ring = readonly LngLat[];

export interface Street {
  readonly code: string;
  readonly name: string;
  readonly district: string;
  readonly city: string;
  readonly boundary: Ring;
}

export interface Community {
  readonly code: string;
  readonly name: string;
  readonly streetCode: string;
  readonly boundary: Ring;
  readonly centroid: LngLat;
  readonly population: number;
}

export interface Grid {
  readonly code: string;
  readonly name: string;
  readonly communityCode: string;
  readonly boundary: Ring;
  readonly centroid: LngLat;
}

export type BuildingKind = 'residential' | 'office' | 'shop' | 'school' | 'public';

export interface Building {
  readonly code: string;
  readonly name: string;
  readonly gridCode: string;
  readonly kind: BuildingKind;
  readonly footprint: Ring;
  readonly floors: number;
}

/** A road centre line, for the offline basemap and address generation. */
export interface Road {
  readonly id: string;
  readonly name: string;
  readonly kind: 'main' | 'secondary' | 'lane';
  readonly line: readonly LngLat[];
}
