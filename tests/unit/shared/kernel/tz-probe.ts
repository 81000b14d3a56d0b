/** Run in a child process with TZ set (calendar.test.ts): prints what the calendar answers. */
import { createChinaCalendar } from '../../../../shared/kernel/calendar';

const cal = createChinaCalendar();
const days = [
  '2026-02-14',
  '2026-02-15',
  '2026-02-23',
  '2026-02-24',
  '2026-10-07',
  '2026-10-08',
  '2026-10-10',
  '2027-02-05',
  '2027-04-05',
];
process.stdout.write(
  JSON.stringify({
    work: days.map((d) => cal.isWorkingDay(d)),
    names: days.map((d) => cal.holidayName(d)),
  }),
);
