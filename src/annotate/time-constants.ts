/**
 * Vocabulary and thresholds of the time tagger (time.ts and its time-*.ts modules). The older time words
 * shared with other annotators (vague references, SET words, seasons, duration units) stay in constants.ts.
 */

/** Month names and abbreviations -> month number (1-12). */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Weekday names and abbreviations -> JavaScript weekday (0 = Sunday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['sun', 0], ['monday', 1], ['mon', 1], ['tuesday', 2], ['tues', 2], ['tue', 2],
  ['wednesday', 3], ['wed', 3], ['thursday', 4], ['thurs', 4], ['thur', 4], ['thu', 4], ['friday', 5], ['fri', 5],
  ['saturday', 6], ['sat', 6],
]);

/** Cardinal number words up to the nineties (compounds "twenty-one" are built from these). */
export const CARDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Ordinal number words ("twenty-first" is built from "twenty" and "first"). */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30],
]);

/** Parts of the day -> TIMEX3 codes ("Friday morning" -> `2024-11-29TMO`). */
export const PARTS_OF_DAY: ReadonlyMap<string, string> = new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'],
]);

/**
 * Clock hours of day words ("mid-morning" -> 10): the hour Recognizers-Text and TIMEX3 tools give them.
 */
export const DAY_WORD_HOURS: ReadonlyMap<string, number> = new Map([
  ['noon', 12], ['midday', 12], ['lunchtime', 12], ['midnight', 0], ['midmorning', 10], ['midafternoon', 14],
]);

/**
 * Classes of trigger words. One pass over the tokens records which classes a document holds; the text
 * around trigger tokens is all the detectors read, and a detector whose words are absent does not run.
 */
export const TRIGGER = {
  MONTH: 1 << 0,
  WEEKDAY: 1 << 1,
  /** yesterday, today, tomorrow, tonight */
  DAY_WORD: 1 << 2,
  /** ago, later, hence, now: offsets from the reference */
  OFFSET: 1 << 3,
  /** ordinal words and numbers ("21st", "twenty-first"): days of a month */
  ORDINAL: 1 << 4,
  /** numbers joined by "/", "-", "." or ":" (dates and clock times), am/pm */
  NUMERIC: 1 << 5,
  /** units and calendar words: durations, relative periods, quarters, seasons, decades */
  UNIT: 1 << 6,
  /** vague references and frequencies */
  VAGUE: 1 << 7,
  /** a four-digit year or a decade */
  YEAR: 1 << 8,
  /** month names that are also verbs, in lower case ("may", "march"): our detectors only */
  MONTH_VERB: 1 << 9,
  /** clock words: noon, midnight, o'clock */
  CLOCK: 1 << 10,
  /** morning, afternoon, evening, night */
  PART_OF_DAY: 1 << 11,
  /** quarter, half */
  QUARTER: 1 << 12,
  /** spring, summer, fall, autumn, winter */
  SEASON: 1 << 13,
  /** frequencies: daily, every, each */
  SET: 1 << 14,
  /** a month or weekday name with a number near it ("Nov. 29", "Friday 7/6", "5 December 1391") */
  NAME_WITH_NUMBER: 1 << 15,
} as const;

/**
 * Trigger classes whose words also feed chrono-node, the costly part: numeric dates, clock times, and month
 * or weekday names with a number near. Names alone ("in May", "on Friday") and day words are read by our
 * own detectors.
 */
export const CHRONO_TRIGGERS = TRIGGER.NUMERIC | TRIGGER.CLOCK | TRIGGER.NAME_WITH_NUMBER;

/** Characters around a month or weekday name searched for a digit ("Sept. 30", "21st of May", "Friday, Nov. 29"). */
export const NAME_NUMBER_AFTER = 14;
export const NAME_NUMBER_BEFORE = 8;

const words = (list: string, bits: number): Array<[string, number]> => list.split(' ').map((w) => [w, bits]);

/** Trigger words (lower case) -> classes. */
export const TRIGGER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...MONTHS.keys()].map((w): [string, number] => [w, TRIGGER.MONTH]),
  ...[...WEEKDAYS.keys()].map((w): [string, number] => [w, TRIGGER.WEEKDAY]),
  ...words('sundays mondays tuesdays wednesdays thursdays fridays saturdays weds', TRIGGER.WEEKDAY),
  ...words('today tonight tomorrow yesterday tmrw tmr tonite overmorrow', TRIGGER.DAY_WORD),
  ...words('ago later hence now', TRIGGER.OFFSET | TRIGGER.VAGUE),
  ...words('year years month months week weeks day days hour hours hr hrs minute minutes min mins seconds decade decades century centuries weekend weekends fiscal earlier', TRIGGER.UNIT),
  ...words('quarter quarters half', TRIGGER.QUARTER),
  ...words('spring summer fall autumn winter', TRIGGER.SEASON),
  ...words('currently current recent recently lately soon shortly future past present moment nowadays previously formerly coming these', TRIGGER.VAGUE),
  ...words('daily nightly weekly monthly quarterly yearly annually hourly every each', TRIGGER.SET),
  ...words("noon midnight midday mid-day mid-night mid clock oclock o'clock o’clock lunchtime midmorning midafternoon noonish am pm", TRIGGER.CLOCK),
  ...words('morning afternoon evening night', TRIGGER.PART_OF_DAY),
]);

/**
 * Tokens before a trigger word where our detectors try an expression's start (each detector names its own
 * reach: "the past two months" starts three words before "months", "May 5" at the month). Chrono-node reads
 * stretches of CHRONO_WINDOW_TOKENS tokens on each side of its triggers ("8:35 a.m. on Nov. 29" is trigger
 * words and numbers but for a preposition).
 */
export const OWN_WINDOW_TOKENS = 3;
export const CHRONO_WINDOW_TOKENS = 2;

/** Lower-case month names that are far more often verbs or modals. */
export const VERB_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'mar']);

/**
 * Words near an expression that point to the future ("would visit Oslo in March", "until 9 a.m. Tuesday").
 * Deadline words ("until", "by", "effective") count: news reports deadlines before they pass.
 */
export const FUTURE_CUE_PATTERN =
  /\b(?:(?:will|would|shall|to) (?:not )?(?:be|have) \w+|will|would|'ll|’ll|shall|next|upcoming|coming|scheduled|plans? to|planned|planning|expects?|expected|(?:is|are) due|due (?:on|in|by)|set to|is to|are to|inauguration|to be held|forthcoming|ahead of|payable|begins|starts|opens|supposed to|until|effective|as soon as|as early as|deadline|postponed|delayed|tentatively|intends? to|going to|hopes? to|aims? to)\b/i;
/** "by"/"till" right before a date: a deadline, future unless the clause has a past-tense word. */
export const DEADLINE_BEFORE = /\b(?:by|till)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$/i;
/** Past-tense words near an expression: the expression lies in the past. */
export const PAST_CUE_PATTERN =
  /\b(?:was|were|had|did|met|began|took|came|went|left|made|gave|fell|rose|won|lost|held|said|told|saw|ago|earlier|last|since|\w{3,}ed)\b/i;
/**
 * A cue after the expression counts as this many characters farther than one before it: the governing
 * verb of a news date usually comes first ("said on Tuesday that Iraq would ..."). Set on TempEval-3 train:
 * 0, 10, 40 and 1000 (cues after ignored) give value accuracy 0.8582, 20 gives 0.8588.
 */
export const CUE_AFTER_PENALTY = 20;

/** chrono-node parsers left out: our detectors read relative units ("two weeks ago", "next month"). */
export const CHRONO_PARSERS_LEFT_OUT: ReadonlySet<string> = new Set([
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser',
  'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENEndOfCurrentMonthParser', 'ENCasualDateParser',
]);

/** Business-day counts skip weekends: weekday numbers of Saturday and Sunday. */
export const WEEKEND_DAYS: ReadonlySet<number> = new Set([0, 6]);
