// A schematic of the border area shipped with the console (no map tiles, no network): the coast of the Gulf of
// Thailand from Kampot to Rạch Giá, Phú Quốc, the Kiên Giang – Kampot land border, towns and the Hà Tiên – Prek Chak
// (Xà Xía) crossing; their names, in each language, are the console's texts place.* and province.*. Coordinates are WGS84 [lat, lon], simplified to a few points each: for orientation, not survey.

export const FRAME = { minLat: 9.95, maxLat: 10.85, minLon: 103.8, maxLon: 105.15 };

export const COAST = [
  [10.62, 103.8], [10.6, 104.05], [10.58, 104.17], [10.52, 104.22], [10.47, 104.3], [10.43, 104.4], [10.41, 104.445],
  [10.38, 104.48], [10.3, 104.55], [10.15, 104.62], [10.05, 104.8], [10.01, 105.08], [9.95, 105.15],
];

export const PHU_QUOC = [
  [10.45, 103.98], [10.38, 104.05], [10.2, 104.07], [10.03, 104.02], [10.05, 103.93], [10.22, 103.88], [10.38, 103.86],
];

export const BORDER = [
  [10.41, 104.445], [10.4225, 104.4658], [10.43, 104.47], [10.62, 104.78], [10.7, 104.95], [10.8, 105.05], [10.85, 105.1],
];

export const PLACES = [
  { key: 'kampot', at: [10.61, 104.18] },
  { key: 'kep', at: [10.48, 104.31] },
  { key: 'haTien', at: [10.38, 104.49] },
  { key: 'rachGia', at: [10.01, 105.09] },
  { key: 'phuQuoc', at: [10.22, 103.96] },
];

export const PROVINCES = [
  { code: 'KH-7', at: [10.72, 104.35] },
  { code: 'VN-47', at: [10.2, 104.85] },
];

export const CROSSING = { at: [10.4225, 104.4658] };
