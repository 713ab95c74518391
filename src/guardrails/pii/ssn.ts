/**
 * True when the three parts form a US Social Security number the SSA could
 * issue: area not 000, 666 or 900-999, group not 00, serial not 0000.
 */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  if (area.length !== 3 || group.length !== 2 || serial.length !== 4) return false;
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  return group !== '00' && serial !== '0000';
}
