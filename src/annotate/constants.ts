/**
 * Word lists, gazetteers and thresholds of the rule-based annotators. Everything a rule looks up lives
 * here so a reader can see (and extend) the vocabulary without reading the rules.
 */

import type { EntityType } from '../model.ts';

// ---------------------------------------------------------------------------------------------------
// Thresholds

/** Longest gazetteer phrase in tokens ("Democratic People's Republic of Korea" is 6). */
export const MAX_GAZETTEER_TOKENS = 6;
/**
 * Edit distance allowed between two transliterations of one name token, per token. One edit covers the
 * usual Cyrillic/Korean romanisation splits (Andrei/Andrey, Zelensky/Zelenskyy, Defence/Defense); two
 * already merges unrelated surnames (Ivanov/Ivanova is one, Petrov/Popov is two).
 */
export const MAX_TRANSLIT_EDITS = 1;
/** Tokens shorter than this never merge by edit distance (Iran/Iraq, Kim/Kin). */
export const MIN_TRANSLIT_TOKEN_LENGTH = 5;
/** A claim source noun phrase is at most this many tokens; longer spans are clauses, not sources. */
export const MAX_SOURCE_TOKENS = 9;
/** Sentences shorter than this (in word tokens) are captions or fragments, not claims. */
export const MIN_CLAIM_TOKENS = 4;
/** Characters looked at before a time expression for a future cue ("would visit Oslo in March"). */
export const FUTURE_CUE_WINDOW_BEFORE = 80;
/** Characters looked at after a time expression for a future cue ("in March, when he will ..."). */
export const FUTURE_CUE_WINDOW_AFTER = 25;
/** Tokens skipped between a number and its counted noun ("10,000 North Korean troops"). */
export const MAX_UNIT_MODIFIERS = 3;

// ---------------------------------------------------------------------------------------------------
// Gazetteer: surface form -> type. Forms are matched token by token, case-sensitively.

export interface GazetteerEntry {
  type: EntityType;
  subtype?: string;
  /** Canonical name when it differs from the surface form ("DPRK" -> "North Korea"). */
  canonical?: string;
  /** For demonyms: the country they name ("Russian" -> "Russia"). */
  country?: string;
  /** True for news outlets (claims treat them as outlets, not institutions). */
  outlet?: boolean;
}

const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahrain', 'Bangladesh', 'Belarus', 'Belgium', 'Bolivia', 'Bosnia and Herzegovina', 'Brazil', 'Bulgaria',
  'Cambodia', 'Cameroon', 'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Croatia', 'Cuba', 'Cyprus',
  'Czech Republic', 'Czechia', 'Denmark', 'Ecuador', 'Egypt', 'Eritrea', 'Estonia', 'Ethiopia', 'Finland',
  'France', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran',
  'Iraq', 'Ireland', 'Israel', 'Italy', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kosovo', 'Kuwait',
  'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Luxembourg', 'Malaysia', 'Mali',
  'Mexico', 'Moldova', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Nepal', 'Netherlands',
  'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Norway', 'Oman',
  'Pakistan', 'Palestine', 'Panama', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Romania', 'Russia', 'Rwanda', 'Saudi Arabia', 'Senegal', 'Serbia', 'Singapore', 'Slovakia', 'Slovenia',
  'Somalia', 'South Africa', 'South Korea', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Sweden',
  'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Tunisia', 'Turkey', 'Türkiye',
  'Turkmenistan', 'Uganda', 'Ukraine', 'United Arab Emirates', 'United Kingdom', 'United States', 'Uruguay',
  'Uzbekistan', 'Venezuela', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe', 'Britain', 'Great Britain', 'England',
  'Scotland', 'Wales', 'America', 'Gaza', 'Crimea', 'Donbas', 'Chechnya',
];

/** Demonym -> country. Plural forms ("Russians") are added by the loader. */
const DEMONYMS: Record<string, string> = {
  Afghan: 'Afghanistan', Albanian: 'Albania', Algerian: 'Algeria', American: 'United States',
  Argentine: 'Argentina', Armenian: 'Armenia', Australian: 'Australia', Austrian: 'Austria',
  Azerbaijani: 'Azerbaijan', Belarusian: 'Belarus', Belgian: 'Belgium', Brazilian: 'Brazil',
  British: 'United Kingdom', Bulgarian: 'Bulgaria', Canadian: 'Canada', Chinese: 'China', Colombian: 'Colombia',
  Croatian: 'Croatia', Cuban: 'Cuba', Czech: 'Czech Republic', Danish: 'Denmark', Dutch: 'Netherlands',
  Egyptian: 'Egypt', English: 'England', Estonian: 'Estonia', Ethiopian: 'Ethiopia', European: 'Europe',
  Finnish: 'Finland', French: 'France', Georgian: 'Georgia', German: 'Germany', Greek: 'Greece',
  Hungarian: 'Hungary', Indian: 'India', Indonesian: 'Indonesia', Iranian: 'Iran', Iraqi: 'Iraq',
  Irish: 'Ireland', Israeli: 'Israel', Italian: 'Italy', Japanese: 'Japan', Jordanian: 'Jordan',
  Kazakh: 'Kazakhstan', Kenyan: 'Kenya', Korean: 'Korea', Kuwaiti: 'Kuwait', Latvian: 'Latvia',
  Lebanese: 'Lebanon', Libyan: 'Libya', Lithuanian: 'Lithuania', Malaysian: 'Malaysia', Mexican: 'Mexico',
  Moldovan: 'Moldova', Mongolian: 'Mongolia', Moroccan: 'Morocco', Nigerian: 'Nigeria',
  'North Korean': 'North Korea', Norwegian: 'Norway', Pakistani: 'Pakistan', Palestinian: 'Palestine',
  Polish: 'Poland', Portuguese: 'Portugal', Qatari: 'Qatar', Romanian: 'Romania', Russian: 'Russia',
  Saudi: 'Saudi Arabia', Scottish: 'Scotland', Serbian: 'Serbia', Slovak: 'Slovakia', Slovenian: 'Slovenia',
  Somali: 'Somalia', 'South African': 'South Africa', 'South Korean': 'South Korea', Soviet: 'Soviet Union',
  Spanish: 'Spain', Sudanese: 'Sudan', Swedish: 'Sweden', Swiss: 'Switzerland', Syrian: 'Syria',
  Taiwanese: 'Taiwan', Thai: 'Thailand', Turkish: 'Turkey', Ukrainian: 'Ukraine', Uzbek: 'Uzbekistan',
  Venezuelan: 'Venezuela', Vietnamese: 'Vietnam', Welsh: 'Wales', Yemeni: 'Yemen', Western: 'West',
  Chilean: 'Chile', Peruvian: 'Peru', Bolivian: 'Bolivia', Ecuadorian: 'Ecuador', Uruguayan: 'Uruguay',
  Paraguayan: 'Paraguay', Cypriot: 'Cyprus', Icelandic: 'Iceland', Filipino: 'Philippines',
  Singaporean: 'Singapore', 'Sri Lankan': 'Sri Lanka', Nepali: 'Nepal', Bangladeshi: 'Bangladesh',
  Emirati: 'United Arab Emirates', Omani: 'Oman', Bahraini: 'Bahrain', Tunisian: 'Tunisia',
  Eritrean: 'Eritrea', Rwandan: 'Rwanda', Ugandan: 'Uganda', Tanzanian: 'Tanzania', Zambian: 'Zambia',
  Zimbabwean: 'Zimbabwe', Ghanaian: 'Ghana', Senegalese: 'Senegal', Malian: 'Mali', Cameroonian: 'Cameroon',
  Angolan: 'Angola', Mozambican: 'Mozambique', Bosnian: 'Bosnia and Herzegovina', Montenegrin: 'Montenegro',
  Macedonian: 'North Macedonia', Kosovar: 'Kosovo', Kyrgyz: 'Kyrgyzstan', Tajik: 'Tajikistan',
  Turkmen: 'Turkmenistan', Cambodian: 'Cambodia', Burmese: 'Myanmar',
  Chadian: 'Chad', Nigerien: 'Niger',
};

/** Demonyms whose plural is not demonym + "s". */
const IRREGULAR_PLURAL_DEMONYMS = new Set([
  'British', 'Chinese', 'Danish', 'Dutch', 'English', 'Finnish', 'French', 'Irish', 'Japanese', 'Lebanese',
  'Polish', 'Portuguese', 'Scottish', 'Spanish', 'Sudanese', 'Swedish', 'Swiss', 'Turkish', 'Vietnamese',
  'Welsh', 'Western', 'Senegalese', 'Burmese', 'Icelandic', 'Kyrgyz', 'Turkmen',
]);

const CITIES = [
  'Moscow', 'Saint Petersburg', 'St. Petersburg', 'Kyiv', 'Kiev', 'Kharkiv', 'Odesa', 'Odessa', 'Lviv',
  'Dnipro', 'Zaporizhzhia', 'Kherson', 'Mariupol', 'Bakhmut', 'Avdiivka', 'Pokrovsk', 'Kursk', 'Belgorod',
  'Minsk', 'Warsaw', 'Berlin', 'Paris', 'London', 'Madrid', 'Rome', 'Lisbon', 'Oslo', 'Stockholm', 'Helsinki',
  'Copenhagen', 'Brussels', 'Amsterdam', 'The Hague', 'Vienna', 'Prague', 'Budapest', 'Bucharest', 'Sofia',
  'Athens', 'Ankara', 'Istanbul', 'Tbilisi', 'Yerevan', 'Baku', 'Tehran', 'Baghdad', 'Damascus', 'Beirut',
  'Jerusalem', 'Tel Aviv', 'Cairo', 'Riyadh', 'Doha', 'Dubai', 'Abu Dhabi', 'Kabul', 'Islamabad',
  'New Delhi', 'Delhi', 'Mumbai', 'Beijing', 'Shanghai', 'Hong Kong', 'Taipei', 'Tokyo', 'Seoul',
  'Pyongyang', 'Vladivostok', 'Hanoi', 'Bangkok', 'Manila', 'Jakarta', 'Singapore', 'Sydney', 'Canberra',
  'Washington', 'New York', 'Los Angeles', 'Chicago', 'San Francisco', 'Ottawa', 'Toronto', 'Mexico City',
  'Brasilia', 'Buenos Aires', 'Nairobi', 'Lagos', 'Johannesburg', 'Geneva', 'Davos', 'Munich', 'Frankfurt',
  'Hamburg', 'Milan', 'Barcelona', 'Dublin', 'Edinburgh', 'Vilnius', 'Riga', 'Tallinn', 'Chisinau',
  'Donetsk', 'Luhansk', 'Sevastopol', 'Gaza City', 'Rafah', 'Khan Younis', 'Sudzha',
];

const REGIONS = [
  'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'North America', 'South America',
  'Eastern Europe', 'Western Europe', 'Central Asia', 'Southeast Asia', 'East Asia', 'Korean Peninsula',
  'Balkans', 'Baltic', 'Baltics', 'Caucasus', 'Siberia', 'Arctic', 'Black Sea', 'Baltic Sea',
  'Mediterranean', 'Red Sea', 'Pacific', 'Atlantic', 'Indo-Pacific', 'West Bank', 'Golan Heights',
  'Kursk Oblast', 'Belgorod Oblast', 'Donetsk Oblast', 'Luhansk Oblast', 'Zaporizhzhia Oblast',
  'Kherson Oblast', 'Kharkiv Oblast', 'Bryansk Oblast', 'Kaliningrad', 'Xinjiang', 'Tibet', 'Kashmir',
  'Donbas', 'West', 'Korea',
];

/** Organisations known by name alone (no head word); outlets are flagged. */
const ORGANISATIONS: Record<string, { canonical?: string; outlet?: boolean }> = {
  NATO: {}, UN: { canonical: 'United Nations' }, 'U.N.': { canonical: 'United Nations' },
  'United Nations': {}, EU: { canonical: 'European Union' }, 'European Union': {},
  'European Commission': {}, Kremlin: {}, Pentagon: {}, 'White House': {}, 'Downing Street': {},
  Congress: {}, Senate: {}, Duma: {}, 'State Duma': {}, Hamas: {}, Hezbollah: {}, Taliban: {},
  'Islamic State': {}, IAEA: {}, IMF: { canonical: 'International Monetary Fund' }, 'World Bank': {},
  WHO: { canonical: 'World Health Organization' }, OPEC: {}, 'G7': {}, 'G20': {}, BRICS: {}, ASEAN: {},
  FBI: {}, CIA: {}, KGB: {}, FSB: {}, GRU: {}, SBU: {}, Wagner: {}, 'Wagner Group': {}, Rosatom: {},
  Gazprom: {},
  Reuters: { outlet: true }, TASS: { outlet: true }, 'RIA Novosti': { outlet: true }, RIA: { outlet: true },
  Interfax: { outlet: true }, AFP: { outlet: true }, AP: { outlet: true }, 'Associated Press': { outlet: true },
  'Agence France-Presse': { outlet: true }, Bloomberg: { outlet: true }, BBC: { outlet: true },
  CNN: { outlet: true }, 'Al Jazeera': { outlet: true }, Yonhap: { outlet: true }, KCNA: { outlet: true },
  'Korean Central News Agency': { outlet: true }, Xinhua: { outlet: true }, Kyodo: { outlet: true },
  Telegraph: { outlet: true }, 'The Telegraph': { outlet: true }, Guardian: { outlet: true },
  'The Guardian': { outlet: true }, 'New York Times': { outlet: true }, 'The New York Times': { outlet: true },
  'Washington Post': { outlet: true }, 'The Washington Post': { outlet: true },
  'Wall Street Journal': { outlet: true }, 'The Wall Street Journal': { outlet: true },
  'Financial Times': { outlet: true }, 'The Economist': { outlet: true }, Politico: { outlet: true },
  Axios: { outlet: true }, 'Fox News': { outlet: true }, NBC: { outlet: true }, CBS: { outlet: true },
  ABC: { outlet: true }, NPR: { outlet: true }, 'Kyiv Independent': { outlet: true },
  'The Kyiv Independent': { outlet: true }, Ukrinform: { outlet: true }, RBC: { outlet: true },
  Kommersant: { outlet: true }, 'Russia Today': { outlet: true }, RT: { outlet: true },
  'Deutsche Welle': { outlet: true }, DW: { outlet: true }, 'Le Monde': { outlet: true },
  'Der Spiegel': { outlet: true }, 'South China Morning Post': { outlet: true }, 'Times': { outlet: true },
  // Photo agencies, seen in picture credits ("(Contributor/Getty Images)").
  'Getty Images': {}, Getty: { canonical: 'Getty Images' }, Shutterstock: {}, Alamy: {}, EPA: {},
  'EPA-EFE': {}, EFE: {}, Anadolu: {}, 'Anadolu Agency': {}, Sputnik: { outlet: true }, 'AP Photo': { canonical: 'Associated Press', outlet: true },
};

/** Everything else in the gazetteer that is not a country, demonym, city, region or organisation. */
const MISC_NAMES = ['Christmas', 'Easter', 'Ramadan', 'Olympics', 'Cold War', 'World War II', 'Navy Day'];

/** Short forms of country names, typed as places with their canonical. */
const COUNTRY_ACRONYMS: ReadonlyArray<[string, string]> = [
  ['U.S.', 'United States'], ['US', 'United States'], ['USA', 'United States'], ['U.S.A.', 'United States'],
  ['UK', 'United Kingdom'], ['U.K.', 'United Kingdom'], ['DPRK', 'North Korea'], ['ROK', 'South Korea'],
  ['PRC', 'China'], ['UAE', 'United Arab Emirates'], ['Russian Federation', 'Russia'],
  ["Democratic People's Republic of Korea", 'North Korea'], ['Republic of Korea', 'South Korea'],
];

function buildGazetteer(): Map<string, GazetteerEntry> {
  const gazetteer = new Map<string, GazetteerEntry>();
  for (const name of REGIONS) gazetteer.set(name, { type: 'LOC', subtype: 'GPE' });
  for (const name of CITIES) gazetteer.set(name, { type: 'LOC', subtype: 'GPE' });
  for (const name of COUNTRIES) gazetteer.set(name, { type: 'LOC', subtype: 'GPE' });
  for (const [demonym, country] of Object.entries(DEMONYMS)) {
    gazetteer.set(demonym, { type: 'MISC', subtype: 'NORP', country });
    if (!IRREGULAR_PLURAL_DEMONYMS.has(demonym)) {
      gazetteer.set(`${demonym}s`, { type: 'MISC', subtype: 'NORP', country, canonical: demonym });
    }
  }
  for (const [name, info] of Object.entries(ORGANISATIONS)) {
    gazetteer.set(name, { type: 'ORG', canonical: info.canonical, outlet: info.outlet });
  }
  for (const name of MISC_NAMES) gazetteer.set(name, { type: 'MISC' });
  for (const [form, canonical] of COUNTRY_ACRONYMS) gazetteer.set(form, { type: 'LOC', subtype: 'GPE', canonical });
  return gazetteer;
}

export const GAZETTEER: ReadonlyMap<string, GazetteerEntry> = buildGazetteer();

/** Country -> its demonym, used to name an owned organisation ("Ukraine's General Staff"). */
export const COUNTRY_DEMONYM: ReadonlyMap<string, string> = new Map(
  Object.entries(DEMONYMS).map(([demonym, country]) => [country, demonym]),
);

/**
 * Alias table: normalised surface form (lower case, no dots) -> canonical name. Only for names whose
 * variants share nothing on the surface (acronyms, historical names); spelling variants resolve by rule.
 */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['dprk', 'North Korea'], ['democratic people\'s republic of korea', 'North Korea'],
  ['us', 'United States'], ['usa', 'United States'], ['united states of america', 'United States'],
  ['america', 'United States'],
  ['uk', 'United Kingdom'], ['britain', 'United Kingdom'], ['great britain', 'United Kingdom'],
  ['rok', 'South Korea'], ['republic of korea', 'South Korea'],
  ['russian federation', 'Russia'], ['prc', 'China'], ['people\'s republic of china', 'China'],
  ['uae', 'United Arab Emirates'], ['un', 'United Nations'], ['eu', 'European Union'],
  ['kiev', 'Kyiv'], ['odessa', 'Odesa'], ['st petersburg', 'Saint Petersburg'], ['türkiye', 'Turkey'],
  ['turkiye', 'Turkey'], ['czechia', 'Czech Republic'], ['ap', 'Associated Press'],
  ['afp', 'Agence France-Presse'], ['kcna', 'Korean Central News Agency'], ['ria', 'RIA Novosti'],
  ['rt', 'Russia Today'], ['dw', 'Deutsche Welle'], ['the telegraph', 'Telegraph'],
  ['the guardian', 'Guardian'], ['the new york times', 'New York Times'],
  ['the washington post', 'Washington Post'], ['the wall street journal', 'Wall Street Journal'],
  ['the kyiv independent', 'Kyiv Independent'],
]);

/** British -> American spellings, so "Defence Ministry" and "Defense Ministry" share a key. */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['defence', 'defense'], ['organisation', 'organization'], ['programme', 'program'], ['centre', 'center'],
  ['labour', 'labor'], ['honour', 'honor'], ['harbour', 'harbor'], ['organisations', 'organizations'],
]);

// ---------------------------------------------------------------------------------------------------
// Entity rule vocabulary

/** Head words that make a capitalised phrase an organisation. */
export const ORG_HEADS = new Set([
  'Ministry', 'Ministries', 'Department', 'Agency', 'Council', 'Bank', 'Army', 'Navy', 'Forces', 'Force',
  'Staff', 'Committee', 'Commission', 'Parliament', 'Government', 'Party', 'University', 'Institute',
  'Corporation', 'Corp', 'Inc', 'Ltd', 'LLC', 'Group', 'Company', 'Association', 'Union', 'Organization',
  'Organisation', 'Service', 'Services', 'Office', 'Court', 'Assembly', 'Guard', 'Command', 'Fleet',
  'Directorate', 'Intelligence', 'Police', 'Cabinet', 'Foundation', 'Fund', 'Authority', 'Bureau', 'Corps',
  'News', 'Times', 'Post', 'Telegraph', 'Journal', 'Herald', 'Tribune', 'Gazette', 'Press', 'Media',
  'Television', 'Radio', 'Broadcasting', 'Agency', 'Federation', 'Alliance', 'Movement', 'Front',
  'Brigade', 'Battalion', 'Regiment', 'Division', 'Headquarters', 'Secretariat', 'Chamber', 'Center',
  'Centre', 'Academy', 'School', 'College', 'Hospital', 'Club', 'Team', 'Network', 'Mission', 'Embassy',
]);

/** Org heads that name a news outlet ("Yonhap News", "The Daily Telegraph"). */
export const OUTLET_HEADS = new Set([
  'News', 'Times', 'Post', 'Telegraph', 'Journal', 'Herald', 'Tribune', 'Gazette', 'Press', 'Media',
  'Television', 'Radio', 'Broadcasting',
]);

/** Heads of place names ("Kursk Oblast", "Red Sea"). */
export const LOC_HEADS = new Set([
  'Oblast', 'Region', 'Province', 'Krai', 'District', 'County', 'State', 'City', 'Street', 'Avenue',
  'Square', 'River', 'Sea', 'Ocean', 'Lake', 'Mountains', 'Mountain', 'Mount', 'Island', 'Islands',
  'Peninsula', 'Valley', 'Gulf', 'Bay', 'Strait', 'Desert', 'Airport', 'Republic', 'Territory', 'Coast',
  'Bridge', 'Canal', 'Plateau', 'Heights',
]);

/** Heads of event and other names ("Navy Day", "Minsk Agreement"). */
export const MISC_HEADS = new Set([
  'Day', 'War', 'Summit', 'Treaty', 'Agreement', 'Accord', 'Accords', 'Games', 'Cup', 'Olympics', 'Prize',
  'Award', 'Act', 'Plan', 'Initiative', 'Operation', 'Festival', 'Conference', 'Forum', 'Talks',
  'Declaration', 'Convention', 'Protocol', 'Doctrine', 'Revolution', 'Election', 'Elections', 'Campaign',
]);

/** Title head words: a capitalised name right after them is a person. */
export const TITLE_HEADS = new Set([
  'President', 'President-elect', 'Minister', 'Secretary', 'Secretary-General', 'Chancellor', 'King',
  'Queen', 'Prince', 'Princess', 'Pope', 'Senator', 'Sen', 'Rep', 'Representative', 'Governor', 'Gov',
  'Mayor', 'Ambassador', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'General', 'Gen', 'Colonel', 'Col',
  'Lieutenant', 'Lt', 'Major', 'Maj', 'Captain', 'Capt', 'Admiral', 'Adm', 'Sergeant', 'Sgt', 'Commander',
  'Chief', 'Director', 'Premier', 'Leader', 'Chairman', 'Chairwoman', 'Chair', 'Dr', 'Mr', 'Mrs', 'Ms',
  'Prof', 'Professor', 'Judge', 'Justice', 'Speaker', 'Envoy', 'Marshal', 'Patriarch', 'Sheikh', 'Emir',
  'Lord', 'Lady', 'Sir', 'Dame', 'Bishop', 'Cardinal', 'Rev', 'Vice-President', 'CEO', 'Deputy',
  'Counterpart', 'Aide', 'Adviser', 'Advisor', 'Official', 'Commissioner', 'Attorney',
]);

/** Words that modify a title ("Defense Minister", "Prime Minister", "Deputy Foreign Minister"). */
export const TITLE_MODIFIERS = new Set([
  'Defense', 'Defence', 'Foreign', 'Prime', 'Interior', 'Finance', 'Economy', 'Economic', 'Energy',
  'Justice', 'Health', 'Education', 'Trade', 'Deputy', 'Vice', 'First', 'Former', 'Acting', 'Supreme',
  'Chief', 'State', 'Security', 'National', 'Army', 'Navy', 'Air', 'Top', 'Senior', 'Joint', 'Staff',
  'Attorney', 'Executive', 'Secretary', 'Press', 'Military', 'Intelligence', 'Lt.', 'Brig', 'Maj',
  'Lieutenant', 'Major', 'Rear', 'Culture', 'Agriculture', 'Home', 'Emergency', 'Emergencies',
]);

/** Lower-case role words seen right before a name ("leader Kim Jong Un", "defense minister X"). */
export const LOWERCASE_ROLE_WORDS = new Set([
  'leader', 'president', 'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'counterpart', 'general',
  'commander', 'chief', 'envoy', 'ambassador', 'secretary', 'premier', 'chancellor', 'governor', 'mayor',
  'official', 'lawmaker', 'senator', 'adviser', 'advisor', 'aide', 'analyst', 'dictator', 'economist',
  'defense', 'defence', 'foreign', 'prime', 'deputy', 'vice', 'former', 'top', 'senior', 'military',
  'political', 'opposition', 'activist', 'journalist', 'correspondent', 'head', 'director', 'colonel',
]);

/** Lower-case particles inside personal names. */
export const NAME_PARTICLES = new Set([
  'bin', 'ibn', 'bint', 'al', 'el', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'du',
  'dos', 'das', 'la', 'le', 'ul', 'abu', 'ben', 'y',
]);

/** Hyphenated prefixes inside Arabic names ("al-Assad"). */
export const NAME_PARTICLE_PREFIX = /^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu)[-‐]\p{Lu}/u;

/**
 * Lower-case second halves of hyphenated words that are not names ("Russian-backed", "Kremlin-controlled"):
 * the capitalised first half is kept as its own token.
 */
export const HYPHEN_SUFFIX_WORDS = new Set([
  'backed', 'led', 'based', 'made', 'controlled', 'occupied', 'born', 'era', 'style', 'owned', 'run',
  'held', 'linked', 'allied', 'aligned', 'friendly', 'leaning', 'speaking', 'language', 'produced',
  'built', 'supplied', 'funded', 'sponsored', 'designed', 'bound', 'wide', 'only', 'related', 'bordering',
  'annexed', 'appointed', 'installed', 'imposed', 'brokered', 'like', 'type', 'class', 'flagged',
]);

/** Common words that may start a sentence capitalised without naming anything. */
export const COMMON_SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she', 'they', 'we',
  'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'in', 'on', 'at', 'after', 'before', 'during',
  'since', 'while', 'when', 'where', 'why', 'how', 'what', 'who', 'which', 'if', 'as', 'but', 'and', 'or',
  'so', 'yet', 'also', 'however', 'meanwhile', 'still', 'according', 'with', 'without', 'for', 'from', 'by',
  'to', 'of', 'about', 'over', 'under', 'more', 'most', 'many', 'some', 'several', 'few', 'all', 'both',
  'each', 'every', 'other', 'another', 'such', 'no', 'not', 'one', 'two', 'three', 'four', 'five', 'ten',
  'last', 'next', 'earlier', 'later', 'now', 'then', 'today', 'yesterday', 'tomorrow', 'instead', 'despite',
  'although', 'though', 'because', 'until', 'unlike', 'like', 'among', 'amid', 'against', 'following',
  'last', 'first', 'second', 'third', 'finally', 'further', 'moreover', 'overall', 'asked', 'speaking',
  'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'is', 'are', 'was',
  'were', 'has', 'have', 'had', 'be', 'read', 'watch', 'see', 'click', 'please', 'enter', 'subscribe',
  'thank', 'sign', 'share', 'follow', 'only', 'even', 'just', 'both', 'either', 'neither', 'once', 'twice',
  'indeed', 'perhaps', 'maybe', 'nearly', 'almost', 'around', 'under', 'between', 'within', 'across',
  'through', 'throughout', 'into', 'onto', 'upon', 'toward', 'towards', 'beyond', 'above', 'below',
  'officials', 'sources', 'analysts', 'experts', 'critics', 'residents', 'troops', 'soldiers', 'forces',
  'pictured', 'photo', 'image', 'video', 'editor', 'note', 'update', 'updated', 'breaking', 'live',
  'advertisement', 'related', 'recommended', 'additional', 'reporting', 'writing', 'editing',
  'unconfirmed', 'unverified', 'separately', 'previously', 'initially', 'currently', 'recently', 'reportedly',
  'allegedly', 'meanwhile', 'elsewhere', 'together', 'today', 'tonight', 'why', 'whether', 'any', 'much',
]);

/** Boilerplate phrases and ALL-CAPS words of page furniture that are never entities. */
export const BOILERPLATE_PHRASES = new Set([
  "Editors' Picks", 'Editors’ Picks', "Editor's Picks", 'Editor’s Picks', 'News Feed', 'Read More',
  'Most Read', 'Top Stories', 'Related Articles', 'Latest News', 'Breaking News', 'Sign Up', 'Log In',
]);

/**
 * Navigation and page-furniture labels (compared in lower case): a recognised span that is one of these, or
 * sits alone on a line that is one of these, is not an entity.
 */
export const NAVIGATION_PHRASES = new Set([
  'more news', 'news feed', "editors' picks", 'editors’ picks', 'trending topics', 'trending', 'express app',
  'multimedia', 'follow us', 'us', 'featured', 'edition', 'premium', 'skip to content', 'tags', 'home', 'menu',
  'search', 'newsletter', 'newsletters', 'podcasts', 'opinion', 'sections', 'contact us', 'about us',
  'advertisement', 'subscribe', 'sign in', 'log in', 'sign up', 'most read', 'top stories', 'latest news',
  'related articles', 'read more', 'more stories', 'live updates', 'watch live', 'explaining ukraine',
  'picks', 'news', 'video', 'videos', 'photos', 'world', 'business', 'sport', 'sports', 'politics',
]);

/** Words of a picture credit that are not the agency ("Contributor/Getty Images", "Pool/AFP"). */
export const CREDIT_WORDS = new Set([
  'Contributor', 'Contributors', 'Staff', 'File', 'Handout', 'Pool', 'Photo', 'Photos', 'Via', 'Courtesy',
  'Stringer', 'Anadolu via Getty Images',
]);

/** Lower-case words allowed inside a name ("Bank of England", "Faisal bin Qadir"). */
export const NAME_INNER_LOWER_WORDS = new Set([
  'of', 'the', 'and', 'for', 'on', 'upon', 'de', 'du', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von',
  'bin', 'ibn', 'bint', 'al', 'el', 'la', 'le', 'y', 'dos', 'das', 'in', 'at', 'an', 'ul', 'abu', 'ben', 'no',
]);

/** Month and weekday names (and abbreviations) never start or continue an entity. */
export const CALENDAR_WORDS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tue', 'Tues',
  'Wed', 'Thu', 'Thurs', 'Fri', 'Sat', 'Sun',
]);

/**
 * Common given names, used to call an unknown capitalised pair a person. International news names:
 * English, Slavic, Korean/Chinese family names that come first, Arabic, Romance.
 */
export const GIVEN_NAMES = new Set([
  'Andrei', 'Andrey', 'Vladimir', 'Sergei', 'Sergey', 'Dmitry', 'Dmitri', 'Alexei', 'Alexey', 'Alexander',
  'Aleksandr', 'Mikhail', 'Nikolai', 'Ivan', 'Yuri', 'Yury', 'Igor', 'Oleg', 'Pavel', 'Maria', 'Mariya',
  'Anna', 'Olga', 'Elena', 'Yelena', 'Natalia', 'Tatiana', 'Irina', 'Volodymyr', 'Oleksandr', 'Oleksii',
  'Andriy', 'Rustem', 'Denys', 'Dmytro', 'Kyrylo', 'Valerii', 'Valery', 'Yulia', 'Viktor', 'Petro',
  'Donald', 'Joe', 'Joseph', 'Kamala', 'Barack', 'George', 'Bill', 'Hillary', 'John', 'James', 'Robert',
  'Michael', 'William', 'David', 'Richard', 'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew',
  'Anthony', 'Mark', 'Paul', 'Steven', 'Andrew', 'Kenneth', 'Kevin', 'Brian', 'Peter', 'Jake', 'Antony',
  'Lloyd', 'Mike', 'Marco', 'Pete', 'Elon', 'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth',
  'Susan', 'Jessica', 'Sarah', 'Karen', 'Nancy', 'Emily', 'Emmanuel', 'Olaf', 'Friedrich', 'Angela',
  'Keir', 'Rishi', 'Boris', 'Ursula', 'Giorgia', 'Pedro', 'Luiz', 'Javier', 'Recep', 'Benjamin', 'Ali',
  'Mohammed', 'Muhammad', 'Ahmed', 'Hassan', 'Hussein', 'Abdul', 'Omar', 'Yahya', 'Ismail', 'Bashar',
  'Kim', 'Xi', 'Li', 'Wang', 'Zhang', 'Yoon', 'Lee', 'Park', 'Moon', 'Choi', 'Shin', 'Cho', 'Han',
  'Fumio', 'Shigeru', 'Shinzo', 'Narendra', 'Jens', 'Mark', 'Antonio', 'Carlos', 'Jose', 'Juan', 'Luis',
  'Francisco', 'Manuel', 'Jean', 'Pierre', 'Marie', 'Hans', 'Klaus', 'Stefan', 'Jan', 'Piotr', 'Andrzej',
  'Tomasz', 'Viktor', 'Alexis', 'Nicolas', 'Ramzan', 'Yevgeny', 'Evgeny', 'Gennady', 'Konstantin',
  'Kirill', 'Maxim', 'Roman', 'Ilya', 'Anatoly', 'Boris', 'Valentina', 'Svetlana', 'Ekaterina',
]);

/** Family names that come first (East Asian order): a lone mention of this token is the surname. */
export const SURNAME_FIRST = new Set([
  'Kim', 'Lee', 'Park', 'Yoon', 'Moon', 'Choi', 'Shin', 'Cho', 'Han', 'No', 'Roh', 'Choe', 'Ri', 'Pak',
  'Xi', 'Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Hu', 'Wen', 'Zhao',
]);

// ---------------------------------------------------------------------------------------------------
// Claims vocabulary



/** Heads of anonymous sources ("a source", "officials", "people familiar with"). */
export const ANONYMOUS_HEADS = new Set([
  'source', 'sources', 'official', 'officials', 'person', 'people', 'insider', 'insiders', 'diplomat',
  'diplomats', 'aide', 'aides', 'observers', 'witnesses', 'residents', 'someone', 'analysts', 'experts',
]);

/** Nouns naming institutions when they head a source ("the ministry said"). */
export const INSTITUTION_NOUNS = new Set([
  'ministry', 'government', 'army', 'military', 'agency', 'council', 'staff', 'kremlin', 'department',
  'allies', 'authorities', 'police', 'command', 'forces', 'office', 'administration', 'commission',
  'committee', 'parliament', 'court', 'embassy', 'spokesperson', 'headquarters', 'regime', 'service',
  'navy', 'bank', 'company', 'firm', 'group', 'union', 'alliance', 'cabinet', 'prosecutors', 'investigators',
]);

/** Nouns that make a source a news outlet ("state media", "the TASS news agency"). */
export const OUTLET_NOUNS = new Set([
  'media', 'newspaper', 'outlet', 'broadcaster', 'tabloid', 'daily', 'magazine', 'channel',
  'television', 'tv', 'wire', 'report', 'reports', 'reporter', 'reporters', 'journalist', 'journalists',
  'correspondent', 'website', 'publication',
]);

/** Person nouns that head a person source without a name ("the spokesman", "the minister"). */
export const PERSON_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'minister', 'president', 'leader', 'commander', 'general', 'ambassador',
  'governor', 'mayor', 'chancellor', 'premier', 'envoy', 'secretary', 'he', 'she', 'him', 'her',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Hedge markers; "may"/"could" are matched in lower case only (never the month "May"). */
export const HEDGE_PATTERN =
  /\b(?:[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|[Aa]pparently|[Uu]nconfirmed|[Uu]nverified|[Pp]ossibly|(?:is|are|was|were|be|been) (?:believed|thought|said|reported|alleged|understood) to|may|might|could|suspected)\b/;

// ---------------------------------------------------------------------------------------------------
// Time vocabulary

/** Words before a time expression that point to the future ("would visit Oslo in March"). */
export const FUTURE_CUE_PATTERN =
  /\b(?:will|would|'ll|’ll|shall|next|upcoming|coming|scheduled|plans? to|planned|planning|expected to|due to|set to|is to|are to|inauguration|to be held|forthcoming|ahead of|payable|begins|starts|opens)\b/i;
/** Past-tense words near a time expression: with no future cue, the expression lies in the past. */
export const PAST_CUE_PATTERN =
  /\b(?:was|were|had|did|met|began|took|came|went|left|made|gave|fell|rose|won|lost|held|ago|earlier|\w{3,}ed)\b/i;
/**
 * A month or day without a year, with no tense cue either way: the past occurrence is taken unless the
 * future one is this many times closer (news is mostly about the past). Set on TempEval-3 train, where
 * 3 resolves "Nov. 10" written on Oct. 27 to the coming Nov. 10 and "December" written in April to the
 * past December (factors 1, 2, 3, 6 give value accuracy 0.840, 0.843, 0.844, 0.842).
 */
export const FUTURE_CLOSER_FACTOR = 3;
/**
 * The same in a past-tense clause: the future occurrence must be this many times closer. Set on
 * TempEval-3 train: 4 and 8 give value accuracy 0.825, 20 gives 0.822, 60 gives 0.819.
 */
export const PAST_TENSE_CLOSER_FACTOR = 8;

/** Vague time references: phrase -> TIMEX3 value. */
export const VAGUE_TIMES: ReadonlyArray<[string, string]> = [
  // TimeML reads "recent weeks" as a duration of unknown length (DURATION PXW), not a point.
  ['in recent weeks', 'PXW'], ['in recent months', 'PXM'], ['in recent days', 'PXD'],
  ['in recent years', 'PXY'], ['recent weeks', 'PXW'], ['recent months', 'PXM'], ['recent years', 'PXY'], ['in the past', 'PAST_REF'], ['recently', 'PAST_REF'],
  ['in the past few weeks', 'PAST_REF'], ['in the past few months', 'PAST_REF'],
  ['in the past few days', 'PAST_REF'], ['in the past few years', 'PAST_REF'], ['lately', 'PAST_REF'],
  ['right now', 'PRESENT_REF'], ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['at present', 'PRESENT_REF'],
  ['at the moment', 'PRESENT_REF'], ['these days', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'],
  ['soon', 'FUTURE_REF'], ['in the future', 'FUTURE_REF'], ['in the coming weeks', 'FUTURE_REF'],
  ['in the coming months', 'FUTURE_REF'], ['in the coming days', 'FUTURE_REF'],
  ['in the coming years', 'FUTURE_REF'], ['in the near future', 'FUTURE_REF'], ['shortly', 'FUTURE_REF'],
  // TimeML also marks the temporal adjectives and adverbs.
  ['current', 'PRESENT_REF'], ['recent', 'PAST_REF'], ['previously', 'PAST_REF'], ['formerly', 'PAST_REF'],
  ['the future', 'FUTURE_REF'], ['future', 'FUTURE_REF'],
];

/** Frequencies (TIMEX3 type SET): word -> value. */
export const SET_WORDS: ReadonlyMap<string, string> = new Map([
  ['daily', 'P1D'], ['nightly', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['quarterly', 'P3M'],
  ['yearly', 'P1Y'], ['annually', 'P1Y'], ['hourly', 'PT1H'],
]);

/** Seasons -> TIMEX3 season codes. */
export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

/** Ordinals of quarters and halves. */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
]);

/** Duration units -> TIMEX3 designator (time units carry the `T`). */
export const DURATION_UNITS: ReadonlyMap<string, { designator: string; time: boolean }> = new Map([
  ['year', { designator: 'Y', time: false }], ['month', { designator: 'M', time: false }],
  ['week', { designator: 'W', time: false }], ['day', { designator: 'D', time: false }],
  ['decade', { designator: 'DE', time: false }], ['century', { designator: 'CE', time: false }],
  ['hour', { designator: 'H', time: true }], ['minute', { designator: 'M', time: true }],
  ['second', { designator: 'S', time: true }],
]);

// ---------------------------------------------------------------------------------------------------
// Numbers

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80],
  ['ninety', 90], ['zero', 0], ['a dozen', 12], ['dozen', 12], ['a hundred', 100], ['a thousand', 1000],
  ['half a dozen', 6], ['a million', 1e6], ['a billion', 1e9],
]);

/** Scale words after a number ("3 billion", "$5bn"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['t', 1e12],
]);

/** Fraction words after a number word ("two thirds", "one-half"): the denominator. */
export const FRACTION_DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4],
  ['fourths', 4], ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['eighth', 8], ['eighths', 8],
  ['tenth', 10], ['tenths', 10],
]);

/** Vague plural quantities ("thousands of troops"): the lower bound they imply. */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 12], ['scores', 20], ['hundreds', 100], ['thousands', 1e3], ['tens of thousands', 1e4],
  ['hundreds of thousands', 1e5], ['millions', 1e6], ['billions', 1e9],
]);

/** Approximation phrases before a number -> the contract's `approx` value. */
export const APPROX_PHRASES: ReadonlyMap<string, 'over' | 'under' | 'about' | 'at_least' | 'at_most' | 'up_to' | 'nearly'> =
  new Map([
    ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['exceeding', 'over'], ['in excess of', 'over'],
    ['upwards of', 'over'], ['less than', 'under'], ['fewer than', 'under'], ['under', 'under'],
    ['below', 'under'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'],
    ['roughly', 'about'], ['some', 'about'], ['an estimated', 'about'], ['estimated', 'about'],
    ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['up to', 'up_to'],
    ['as many as', 'up_to'], ['at least', 'at_least'], ['no fewer than', 'at_least'],
    ['at most', 'at_most'], ['no more than', 'at_most'],
  ]);

/** Currency symbols and words -> ISO 4217 code. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['US$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₽', 'RUB'], ['₴', 'UAH'], ['₩', 'KRW'],
]);
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['pound', 'GBP'],
  ['pounds', 'GBP'], ['ruble', 'RUB'], ['rubles', 'RUB'], ['rouble', 'RUB'], ['roubles', 'RUB'],
  ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['hryvnas', 'UAH'], ['yuan', 'CNY'], ['yen', 'JPY'],
  ['won', 'KRW'], ['rupees', 'INR'], ['francs', 'CHF'],
]);

/**
 * Units of measurement: surface form -> unit symbol (the `unit` a quantity gets). Symbols are matched
 * case-sensitively (mg is not Mg), names case-insensitively with their plurals. Checked right after the
 * number, glued ("10kg") or after one space, before the counted-noun rule.
 */
export const UNIT_SYMBOLS: ReadonlyArray<[string, string]> = [
  ['km²', 'km²'], ['km2', 'km²'], ['km^2', 'km²'], ['km³', 'km³'], ['km3', 'km³'], ['km^3', 'km³'],
  ['sq mi', 'mi²'], ['sq km', 'km²'], ['km/h', 'km/h'], ['kph', 'km/h'], ['mph', 'mph'], ['km/s2', 'km/s²'],
  ['km', 'km'], ['m', 'm'], ['cm', 'cm'], ['mm', 'mm'], ['nm', 'nm'], ['mi', 'mi'], ['ft', 'ft'],
  ['kg', 'kg'], ['mg', 'mg'], ['g', 'g'], ['lbs', 'lb'], ['lb', 'lb'], ['t', 't'], ['tpd', 't/d'],
  ['L', 'L'], ['l', 'L'], ['ml', 'cm³'], ['mL', 'cm³'], ['cl', 'cL'], ['cL', 'cL'], ['tbsp', 'tbsp'], ['tsp', 'tsp'],
  ['°C', '°C'], ['° C', '°C'], ['°F', '°F'], ['eV', 'eV'], ['keV', 'keV'], ['MeV', 'MeV'], ['GeV', 'GeV'], ['TeV', 'TeV'],
  ['W/min', 'W/min'], ['Wh', 'Wh'], ['kWh', 'kWh'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['W', 'W'], ['kW', 'kW'],
  ['MW', 'MW'], ['GW', 'GW'], ['Js', 'J·s'], ['J/m^2 per year', 'J/m²/yr'], ['J', 'J'], ['cds', 'cd·s'],
  ['mGy', 'mGy'], ['Gy', 'Gy'], ['Hz', 'Hz'], ['kHz', 'kHz'], ['MHz', 'MHz'], ['GHz', 'GHz'], ['s-1', '1/s'],
  ['s−1', '1/s'], ['fb−1', '1/fb'], ['fb-1', '1/fb'], ['KB', 'KB'], ['KiB', 'KiB'], ['MB', 'MB'], ['GB', 'GB'],
  ['TB', 'TB'], ['EB', 'EB'], ['Ma', 'Myr'], ['Ga', 'Gyr'], ['€', 'EUR'],
  // Picometres and attometres: clock times ("2 pm") are time expressions first and never reach here.
  ['pm', 'pm'], ['am', 'am'],
];
export const UNIT_NAMES: ReadonlyArray<[string, string]> = [
  ['square kilometres', 'km²'], ['square kilometers', 'km²'], ['square kilometre', 'km²'], ['square kilometer', 'km²'],
  ['square miles', 'mi²'], ['square mile', 'mi²'], ['cubic kilometres', 'km³'], ['cubic kilometers', 'km³'],
  ['km squared', 'km²'], ['km cubed', 'km³'], ['kilometres per hour', 'km/h'], ['kilometers per hour', 'km/h'],
  ['miles per hour', 'mph'], ['degrees celsius', '°C'], ['degree celsius', '°C'], ['degrees fahrenheit', '°F'],
  ['degrees centigrade', '°C'], ['kilometres', 'km'], ['kilometers', 'km'], ['kilometre', 'km'], ['kilometer', 'km'],
  ['metres', 'm'], ['meters', 'm'], ['metre', 'm'], ['meter', 'm'], ['centimetres', 'cm'], ['centimeters', 'cm'],
  ['nanometres', 'nm'], ['nanometers', 'nm'], ['miles', 'mi'], ['mile', 'mi'], ['inches', 'in'], ['inch', 'in'],
  ['feet', 'ft'], ['foot', 'ft'], ['kilograms', 'kg'], ['kilogram', 'kg'], ['milligrams', 'mg'], ['milligram', 'mg'],
  ['grams', 'g'], ['tonnes', 't'], ['tonne', 't'], ['litres', 'L'], ['liters', 'L'], ['litre', 'L'], ['liter', 'L'],
  ['gallons', 'gal'], ['gallon', 'gal'], ['cups', 'cup'], ['cup', 'cup'], ['tablespoons', 'tbsp'], ['tablespoon', 'tbsp'],
  ['exabytes', 'EB'], ['megabytes', 'MB'], ['gigabytes', 'GB'], ['bytes', 'B'], ['byte', 'B'], ['bits', 'bit'],
  ['kelvin', 'K'], ['cents', 'cent'], ['cent', 'cent'], ['dimes', 'dime'], ['dime', 'dime'], ['pennies', 'penny'],
  ['penny', 'penny'], ['megawatts', 'MW'], ['gigawatts', 'GW'], ['kilowatts', 'kW'], ['watts', 'W'],
  ['hectares', 'ha'], ['acres', 'acre'], ['barrels', 'bbl'], ['kibibytes', 'KiB'], ['kibibyte', 'KiB'],
];
/** Units after "/" or "per" that make a rate of a money amount ("$15.4/hour", "$350 per kg"). */
export const RATE_UNITS: ReadonlyMap<string, string> = new Map([
  ['hour', 'h'], ['hr', 'h'], ['h', 'h'], ['kg', 'kg'], ['kilogram', 'kg'], ['day', 'd'], ['year', 'yr'],
  ['month', 'mo'], ['barrel', 'bbl'], ['ton', 't'], ['tonne', 't'], ['share', 'share'], ['person', 'person'],
]);

/** Words that cannot be the counted noun after a number. */
export const NON_UNIT_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may',
  'might', 'should', 'must', 'that', 'which', 'who', 'this', 'these', 'those', 'it', 'its', 'their', 'his',
  'her', 'they', 'he', 'she', 'we', 'not', 'also', 'than', 'then', 'if', 'when', 'while', 'after',
  'before', 'said', 'says', 'more', 'less', 'did', 'do', 'does', 'so', 'such', 'into', 'over', 'under',
  'about', 'per', 'each', 'other', 'others', 'all', 'both', 'up', 'out', 'off', 'ago', 'later', 'earlier',
]);

/** Adjectives skipped between a number and its noun ("500 new drones"). */
export const UNIT_MODIFIERS = new Set([
  'new', 'more', 'additional', 'other', 'extra', 'further', 'young', 'old', 'civilian', 'military',
  'foreign', 'local', 'armed', 'active', 'elite', 'wounded', 'dead', 'injured', 'total', 'separate',
]);

/** Counted nouns accepted after a year-like number ("2000 troops" is a quantity, "in 2000" is not). */
export const YEAR_LIKE_MIN = 1900;
export const YEAR_LIKE_MAX = 2100;

// ---------------------------------------------------------------------------------------------------
// Text segmentation

/** Words whose trailing period does not end a sentence ("Nov. 29", "U.S. President", "Gen. Smith"). */
export const NON_FINAL_ABBREVIATIONS = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mr', 'Mrs', 'Ms',
  'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Capt', 'Maj', 'Sgt', 'Adm', 'Sen', 'Rep', 'Gov', 'St', 'Jr', 'Sr', 'No',
  'Inc', 'Corp', 'Ltd', 'Co', 'vs', 'etc', 'approx', 'U.S', 'U.K', 'U.N', 'E.U', 'Brig', 'Rev', 'Mt', 'Ft',
]);

/** Words that may continue a source noun phrase after "according to" / "citing". */
export const SOURCE_PHRASE_WORDS = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'of', 'with', 'in', 'from', 'at', 'by', 'for', 'on',
  'familiar', 'close', 'to', 'news', 'state', 'state-run', 'state-owned', 'local', 'senior', 'unnamed',
  'anonymous', 'two', 'three', 'several', 'other', 'western', 'military', 'intelligence', 'defense',
  'defence', 'foreign', 'top', 'government', 'independent', 'matter', 'situation', 'talks', 'plans',
  'knowledge', 'discussions', 'statement', 'press', 'service', 'official', 'officials', 'and',
]);



/** Verbs that make the cue passive when right before it ("is believed", "has been accused"). */
export const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't"]);

