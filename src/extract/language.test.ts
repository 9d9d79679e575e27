/**
 * The language choice (language.ts) on fictional texts: the cheap function-word check confirms a declared
 * language that the text plainly reads as, and leaves every doubtful case to the detector as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseLanguage, DECLARED_AND_FUNCTION_WORDS_RULE, detectLanguage, readsAsDeclared, type LanguageChoice,
} from './language.ts';

const ENGLISH = 'The ferry to the northern islands was cancelled again on Monday, and the harbour office said that it '
  + 'would not run before the end of the week. Travellers who had booked their tickets for the morning crossing were '
  + 'told to wait for a message from the company. Some of them have been sleeping in their cars near the pier since '
  + 'Saturday, because all of the hotels in the town are full for the festival. The mayor said she was working with '
  + 'the operator on a plan, but there is no date yet for the new timetable.';

const GERMAN = 'Die Fähre zu den nördlichen Inseln ist am Montag wieder ausgefallen, und das Hafenamt teilte mit, dass '
  + 'sie nicht vor dem Ende der Woche fahren wird. Reisende, die ihre Karten für die Überfahrt am Morgen gebucht hatten, '
  + 'sollen auf eine Nachricht der Gesellschaft warten. Einige von ihnen schlafen seit Samstag in ihren Autos an der '
  + 'Mole, weil alle Hotels in der Stadt wegen des Festes voll sind. Die Bürgermeisterin sagte, sie arbeite mit dem '
  + 'Betreiber an einem Plan, aber es gibt noch keinen Termin für den neuen Fahrplan.';

const FRENCH = "Le bac vers les îles du nord a encore été annulé lundi, et le bureau du port a indiqué qu'il ne "
  + "circulerait pas avant la fin de la semaine. Les voyageurs qui avaient réservé leurs billets pour la traversée du "
  + "matin doivent attendre un message de la compagnie. Certains dorment dans leur voiture près de la jetée depuis "
  + "samedi, car tous les hôtels de la ville sont complets pour le festival. La maire a dit qu'elle travaillait avec "
  + "l'exploitant sur un plan, mais il n'y a pas encore de date pour le nouvel horaire.";

const SPANISH = 'El transbordador a las islas del norte fue cancelado otra vez el lunes, y la oficina del puerto dijo que '
  + 'no saldrá antes del fin de la semana. Los viajeros que habían comprado sus billetes para la travesía de la mañana '
  + 'tienen que esperar un mensaje de la compañía. Algunos de ellos duermen en sus coches cerca del muelle desde el '
  + 'sábado, porque todos los hoteles de la ciudad están llenos por la fiesta. La alcaldesa dijo que trabaja con el '
  + 'operador en un plan, pero todavía no hay fecha para el nuevo horario.';

const PORTUGUESE = 'A balsa para as ilhas do norte foi cancelada outra vez na segunda-feira, e o escritório do porto disse '
  + 'que ela não vai sair antes do fim da semana. Os viajantes que tinham comprado os seus bilhetes para a travessia da '
  + 'manhã devem esperar uma mensagem da empresa. Alguns deles dormem nos seus carros perto do cais desde sábado, porque '
  + 'todos os hotéis da cidade estão cheios por causa da festa. A prefeita disse que está trabalhando com o operador '
  + 'num plano, mas ainda não há data para o novo horário.';

const declared = (value: string): LanguageChoice => ({ value, rule: 'html.lang' });

test('language: a text that plainly reads as its declared language keeps it without the detector', () => {
  for (const [text, code] of [[ENGLISH, 'en'], [GERMAN, 'de'], [FRENCH, 'fr'], [SPANISH, 'es']] as const) {
    assert.deepEqual(chooseLanguage(text, declared(code)), { value: code, rule: DECLARED_AND_FUNCTION_WORDS_RULE }, code);
  }
});

test('language: a wrong declaration still gets the detector\'s answer', () => {
  assert.deepEqual(chooseLanguage(GERMAN, declared('en')), { value: 'de', rule: 'eld.small' });
  assert.deepEqual(chooseLanguage(ENGLISH, declared('fr')), { value: 'en', rule: 'eld.small' });
  assert.deepEqual(chooseLanguage(FRENCH, declared('es')), { value: 'fr', rule: 'eld.small' });
});

test('language: a close neighbour of the declared language is not taken for it', () => {
  assert.equal(readsAsDeclared(PORTUGUESE, 'es'), false, 'Portuguese is told from Spanish by the words they do not share');
  assert.equal(readsAsDeclared(SPANISH, 'pt'), false);
  assert.deepEqual(chooseLanguage(PORTUGUESE, declared('es')), { value: 'pt', rule: 'eld.small' });
});

test('language: a short text keeps the declared language under the declaration\'s own rule, as before', () => {
  const short = 'Der Hafen bleibt bis Freitag geschlossen.';
  assert.deepEqual(chooseLanguage(short, { value: 'de', rule: 'meta.og:locale' }), { value: 'de', rule: 'meta.og:locale' });
  // A short text whose words do not fit the declaration keeps it too: too little to contradict it.
  assert.deepEqual(chooseLanguage('The harbour stays closed until Friday.', declared('de')), { value: 'de', rule: 'html.lang' });
});

test('language: without a declaration, or with one the lists do not cover, the detector decides', () => {
  assert.deepEqual(chooseLanguage(ENGLISH, null), { value: 'en', rule: 'eld.small' });
  assert.equal(readsAsDeclared(ENGLISH, 'ja'), false);
  assert.equal(readsAsDeclared(ENGLISH, 'da-no-sv'), false, 'a competitor-only list is never confirmed');
});

test('language: an opening in the declared language followed by a long text in another is left to the detector', () => {
  const mixed = `${ENGLISH}\n\n${GERMAN}\n\n${GERMAN}\n\n${GERMAN}\n\n${GERMAN}\n\n${GERMAN}`;
  assert.equal(readsAsDeclared(ENGLISH, 'en'), true);
  assert.equal(readsAsDeclared(mixed, 'en'), false, 'the end of the detector\'s sample reads as German');
  assert.deepEqual(chooseLanguage(mixed, declared('en')), { value: detectLanguage(mixed), rule: 'eld.small' });
});

test('language: lists of names and numbers are never confirmed, whatever the declaration', () => {
  const results = Array.from({ length: 30 }, (_, i) => `${i + 1}. Rider Number${i} (Team ${i % 7}) +${i * 3},${i % 10}`).join('\n');
  assert.equal(readsAsDeclared(results, 'en'), false);
  assert.equal(readsAsDeclared(results, 'de'), false);
});

test('language: the check reads words, not their case or the quotes and dashes around them', () => {
  const shouted = ENGLISH.toUpperCase().replace(/ /g, ' — ');
  assert.equal(readsAsDeclared(shouted, 'en'), true);
  assert.equal(readsAsDeclared(`“${GERMAN.replace(/ /g, '” „')}”`, 'de'), true);
});
