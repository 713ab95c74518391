import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPACT_DATA_DIR } from './data-path.js';

/** Carbon and off-site water intensity of one grid zone. */
export interface GridZone {
  /** kgCO2e per kWh. */
  gwpKgPerKwh: number;
  /** Litres of water consumed off-site (power generation) per kWh. */
  wueLitresPerKwh: number;
}

/** Grid zones from the shipped table, by ISO-3 code; `WOR` is the world. */
export function loadGridZones(file = join(IMPACT_DATA_DIR, 'electricity_mixes.csv')):
  Map<string, GridZone> {
  const zones = new Map<string, GridZone>();
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const gwp = columns.indexOf('gwp');
  const wue = columns.indexOf('wue');
  for (const line of lines) {
    const cells = line.split(',');
    zones.set(cells[0] as string, {
      gwpKgPerKwh: Number(cells[gwp]),
      wueLitresPerKwh: Number(cells[wue]),
    });
  }
  return zones;
}
