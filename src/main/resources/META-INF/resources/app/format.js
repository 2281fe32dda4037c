// Numbers, shares and dates as Swedish readers expect them.

const integer = new Intl.NumberFormat('sv-SE');
const percentage = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

const collator = new Intl.Collator('sv');

/** Swedish alphabetical order (å, ä, ö last), for sort(); null and undefined as empty. */
export const bySwedish = (a, b) => collator.compare(a ?? '', b ?? '');

export const number = value => value === null || value === undefined ? '–' : integer.format(value);
export const percent = value => value === null || value === undefined ? '–' : percentage.format(value);

/** Today in Europe/Stockholm as yyyy-mm-dd, the API's default date. */
export function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** A yyyy-mm-dd date moved by whole months, clamped to the month's last day. */
export function addMonths(isoDate, months) {
  const [year, month, day] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}

export const STATUS = {
  COMPLIANT: 'Uppfyller',
  PARTIAL: 'Delvis',
  NON_COMPLIANT: 'Uppfyller inte',
};

export const UNIT_TYPES = {
  PRIMARY_CARE: 'Primärvård',
  SPECIALIST_CARE: 'Specialistvård',
  PSYCHIATRY: 'Psykiatri',
  DENTAL_CARE: 'Tandvård',
  CHILD_HEALTH: 'Barnhälsovård',
  MATERNITY: 'Mödrahälsovård',
  YOUTH_CLINIC: 'Ungdomsmottagning',
  REHABILITATION: 'Rehabilitering',
  OTHER: 'Övrigt',
};

export const EXEMPTION_STATUS = { REQUESTED: 'Begärt', APPROVED: 'Beviljat', REJECTED: 'Avslaget' };

export const EXEMPTION_REASONS = {
  NOT_APPLICABLE: 'Enheten gör inte det arbetet',
  TECHNICAL: 'Journal- eller bokningssystemet kan inte',
  TEMPORARY: 'Tillfälligt',
  DECIDED: 'Beslutat undantag',
};

export const unitType = code => UNIT_TYPES[code] || code || '–';
