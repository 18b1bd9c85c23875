import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

const format = /* @__PURE__ */ localeFormat('de');
const seconds = (count: number) => format.plural(count, { one: '# Sekunde', other: '# Sekunden' });

/**
 * Every text in German, addressing the person formally ("Sie"). Numbers, dates and plurals
 * through `Intl` in German.
 *
 * @example
 * ```tsx
 * import { de } from 'api-error-kit/locales/de';
 * <ApiKitProvider client={client} messages={de}>…</ApiKitProvider>
 * ```
 */
export const de: Messages = {
  bad_request: {
    title: 'Anfrage nicht angenommen',
    description: 'Die Anfrage wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
  },
  unauthorized: {
    title: 'Anmeldung erforderlich',
    description: 'Sie sind nicht angemeldet, oder Ihr API-Schlüssel fehlt oder ist ungültig. Bitte prüfen Sie den Schlüssel oder melden Sie sich erneut an.',
  },
  forbidden: { title: 'Keine Berechtigung', description: 'Sie sind angemeldet, haben aber keine Berechtigung für diese Aktion.' },
  not_found: { title: 'Nicht gefunden', description: 'Der angeforderte Inhalt existiert nicht oder wurde entfernt.' },
  not_acceptable: {
    title: 'Format nicht unterstützt',
    description: 'Der Server kann nicht im angeforderten Format antworten (JSON ist erforderlich).',
  },
  timeout: { title: 'Zeitüberschreitung', description: 'Der Server hat nicht rechtzeitig geantwortet.' },
  rate_limited: {
    title: 'Zu viele Anfragen',
    description: 'Sie haben in kurzer Zeit zu viele Anfragen gesendet. Bitte warten Sie einen Moment, bevor Sie es erneut versuchen.',
  },
  server_error: {
    title: 'Fehler auf dem Server',
    description: 'Auf dem Server ist ein Fehler aufgetreten. Er wurde protokolliert; ein erneuter Versuch hilft meistens.',
  },
  unavailable: { title: 'Dienst nicht verfügbar', description: 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es in Kürze erneut.' },
  maintenance: { title: 'Wartungsarbeiten', description: 'Der Dienst ist wegen Wartungsarbeiten nicht verfügbar. Bitte versuchen Sie es erneut, sobald er wieder da ist.' },
  client_error: { title: 'Anfrage nicht möglich', description: 'Die Anfrage konnte nicht ausgeführt werden.' },
  network: { title: 'Keine Verbindung', description: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung.' },
  invalid_response: { title: 'Unlesbare Antwort', description: 'Die Antwort des Servers konnte nicht gelesen werden.' },
  aborted: { title: 'Anfrage abgebrochen', description: 'Die Anfrage wurde abgebrochen.' },
  unknown: { title: 'Etwas ist schiefgelaufen', description: 'Ein unerwarteter Fehler ist aufgetreten.' },
  supportIdLabel: 'Support-ID',
  rayIdLabel: 'Ray-ID',
  copySupportId: 'Support-ID kopieren',
  copied: 'Kopiert',
  copyFallbackHint: 'Kopieren ist hier nicht möglich. Der Text ist markiert: Drücken Sie Strg+C (auf dem Mac ⌘C), um ihn zu kopieren.',
  supportIdValidUntil: (date) => `Der Support kann diese ID bis zum ${format.longDateTime(date)} nachschlagen.`,
  retryingIn: (count) => `Neuer Versuch in ${seconds(count)}`,
  canRetryIn: (count) => `Sie können es in ${seconds(count)} erneut versuchen`,
  retryingNow: 'Neuer Versuch läuft',
  canRetryNow: 'Sie können es jetzt erneut versuchen',
  waitingForNetwork: 'Warten auf die Netzwerkverbindung',
  waitingForTab: 'Pausiert, solange dieser Tab im Hintergrund ist',
  probingIn: (count) => `Wir versuchen es weiter · nächster Versuch in ${seconds(count)}`,
  canRetryAt: (date) => `Sie können es um ${format.clockTime(date)} erneut versuchen`,
  waitRequested: 'Der Server hat um eine Wartezeit gebeten: Der nächste Versuch startet, sobald er es erlaubt.',
  waitProgress: 'Verbleibende Zeit bis zum nächsten Versuch',
  tryAgain: 'Erneut versuchen',
  retryNow: 'Sofort wiederholen',
  tryNow: 'Jetzt versuchen',
  stopRetrying: 'Wiederholung abbrechen',
  dismiss: 'Schließen',
  details: 'Details',
  copyDetails: 'Details kopieren',
  copyAsCurl: 'Als curl-Befehl kopieren',
  methodLabel: 'Methode',
  urlLabel: 'URL',
  statusLabel: 'Status',
  timeLabel: 'Zeitpunkt',
  statusText: (status, reasonPhrase) => (status === 0 ? 'Keine Antwort' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
