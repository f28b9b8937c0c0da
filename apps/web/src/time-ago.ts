/** "5 minutes ago", from the largest unit that fits. */
export function ago(relative: Intl.RelativeTimeFormat, when: string | Date): string {
  const seconds = Math.round((new Date(when).getTime() - Date.now()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}
