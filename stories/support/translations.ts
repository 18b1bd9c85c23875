import type { Messages } from '../../src/index.js';

// Complete translations (typed `Messages`, so none of the texts is missing), given to the
// components through their `messages` prop. Numbers and dates go through `Intl` in the language.

const germanSeconds = new Intl.NumberFormat('de', { maximumFractionDigits: 0 });
const germanDate = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeStyle: 'short' });
const germanTime = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' });

/** German. */
export const german: Messages = {
  bad_request: { title: 'Anfrage nicht angenommen', description: 'Die Anfrage wurde nicht angenommen. Prüfen Sie die Angaben und versuchen Sie es erneut.' },
  unauthorized: { title: 'Anmeldung erforderlich', description: 'Sie sind nicht angemeldet, oder der API-Schlüssel fehlt oder ist falsch.' },
  forbidden: { title: 'Berechtigung fehlt', description: 'Sie sind angemeldet, haben aber keine Berechtigung für diese Aktion.' },
  not_found: { title: 'Nicht gefunden', description: 'Das Gesuchte gibt es nicht, oder es wurde entfernt.' },
  not_acceptable: { title: 'Format nicht unterstützt', description: 'Der Server kann nicht im verlangten Format antworten (JSON ist erforderlich).' },
  timeout: { title: 'Der Server antwortet nicht', description: 'Der Server hat zu lange für die Antwort gebraucht.' },
  rate_limited: { title: 'Zu viele Anfragen', description: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.' },
  server_error: { title: 'Fehler auf dem Server', description: 'Auf dem Server ist etwas schiefgegangen. Ein neuer Versuch hilft meistens.' },
  unavailable: { title: 'Wartungsarbeiten', description: 'Der Dienst ist vorübergehend nicht erreichbar, etwa wegen Wartung.' },
  client_error: { title: 'Anfrage nicht möglich', description: 'Die Anfrage konnte nicht ausgeführt werden.' },
  network: { title: 'Keine Verbindung', description: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung.' },
  invalid_response: { title: 'Unlesbare Antwort', description: 'Die Antwort des Servers konnte nicht gelesen werden.' },
  aborted: { title: 'Anfrage abgebrochen', description: 'Die Anfrage wurde abgebrochen.' },
  unknown: { title: 'Etwas ist schiefgegangen', description: 'Ein unerwarteter Fehler ist aufgetreten.' },
  supportIdLabel: 'Support-ID',
  rayIdLabel: 'Ray-ID',
  copySupportId: 'Support-ID kopieren',
  copied: 'Kopiert',
  copyFallbackHint: 'Kopieren ist hier nicht möglich. Der Text ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac).',
  supportIdValidUntil: (date) => `Der Support kann diese ID bis ${germanDate.format(date)} nachschlagen.`,
  retryingIn: (seconds) => `Neuer Versuch in ${germanSeconds.format(seconds)} s`,
  canRetryIn: (seconds) => `Erneut versuchen möglich in ${germanSeconds.format(seconds)} s`,
  retryingNow: 'Neuer Versuch läuft',
  canRetryNow: 'Sie können es jetzt erneut versuchen',
  waitingForNetwork: 'Warten auf das Netzwerk',
  waitProgress: 'Verbleibende Zeit bis zum nächsten Versuch',
  tryAgain: 'Erneut versuchen',
  retryNow: 'Jetzt versuchen',
  stopRetrying: 'Nicht mehr versuchen',
  dismiss: 'Schließen',
  details: 'Details',
  copyDetails: 'Details kopieren',
  copyAsCurl: 'Als curl kopieren',
  methodLabel: 'Methode',
  urlLabel: 'URL',
  statusLabel: 'Status',
  timeLabel: 'Zeit',
  statusText: (status, reasonPhrase) => (status === 0 ? 'Keine Antwort' : `${status} ${reasonPhrase}`),
  formatTime: (date) => germanTime.format(date),
};

const arabicSeconds = new Intl.NumberFormat('ar', { maximumFractionDigits: 0 });
const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeStyle: 'short' });
const arabicTime = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'medium' });

/** Arabic, a right-to-left language. */
export const arabic: Messages = {
  bad_request: { title: 'لم يُقبل الطلب', description: 'لم يُقبل الطلب. تحقّق مما أرسلته ثم حاول مرة أخرى.' },
  unauthorized: { title: 'يلزم تسجيل الدخول', description: 'لم تسجّل الدخول، أو أن مفتاح الواجهة البرمجية مفقود أو غير صحيح.' },
  forbidden: { title: 'يلزم إذن', description: 'سجّلت الدخول، لكن ليس لديك إذن للقيام بهذا.' },
  not_found: { title: 'غير موجود', description: 'ما طلبته غير موجود، أو أنه حُذف.' },
  not_acceptable: { title: 'الصيغة غير مدعومة', description: 'لا يستطيع الخادم الرد بالصيغة المطلوبة (يلزم JSON).' },
  timeout: { title: 'تأخّر الخادم في الرد', description: 'استغرق الخادم وقتًا طويلًا للرد.' },
  rate_limited: { title: 'طلبات كثيرة جدًا', description: 'أُرسلت طلبات كثيرة في وقت قصير. يُرجى الانتظار قليلًا قبل المحاولة مجددًا.' },
  server_error: { title: 'حدث خطأ في الخادم', description: 'حدث خطأ في الخادم. عادةً ما تنجح المحاولة مرة أخرى.' },
  unavailable: { title: 'الخدمة قيد الصيانة', description: 'الخدمة متوقفة مؤقتًا، للصيانة مثلًا. يُرجى المحاولة بعد قليل.' },
  client_error: { title: 'تعذّر إكمال الطلب', description: 'تعذّر إكمال الطلب.' },
  network: { title: 'لا يوجد اتصال', description: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك بالإنترنت.' },
  invalid_response: { title: 'رد غير مقروء', description: 'أرسل الخادم ردًا تعذّرت قراءته.' },
  aborted: { title: 'أُلغي الطلب', description: 'أُلغي الطلب.' },
  unknown: { title: 'حدث خطأ ما', description: 'حدث خطأ غير متوقع.' },
  supportIdLabel: 'معرّف الدعم',
  rayIdLabel: 'معرّف Ray',
  copySupportId: 'نسخ معرّف الدعم',
  copied: 'تم النسخ',
  copyFallbackHint: 'النسخ غير متاح هنا. النص محدّد: اضغط Ctrl+C (أو ⌘C على Mac) لنسخه.',
  supportIdValidUntil: (date) => `يمكن للدعم البحث عن هذا المعرّف حتى ${arabicDate.format(date)}.`,
  retryingIn: (seconds) => `إعادة المحاولة خلال ${arabicSeconds.format(seconds)} ث`,
  canRetryIn: (seconds) => `يمكنك المحاولة مجددًا خلال ${arabicSeconds.format(seconds)} ث`,
  retryingNow: 'تجري إعادة المحاولة الآن',
  canRetryNow: 'يمكنك المحاولة مجددًا الآن',
  waitingForNetwork: 'في انتظار الشبكة',
  waitProgress: 'الوقت المتبقي قبل المحاولة التالية',
  tryAgain: 'حاول مرة أخرى',
  retryNow: 'أعد المحاولة الآن',
  stopRetrying: 'أوقف إعادة المحاولة',
  dismiss: 'إغلاق',
  details: 'التفاصيل',
  copyDetails: 'نسخ التفاصيل',
  copyAsCurl: 'نسخ كأمر curl',
  methodLabel: 'الطريقة',
  urlLabel: 'العنوان',
  statusLabel: 'الحالة',
  timeLabel: 'الوقت',
  statusText: (status, reasonPhrase) => (status === 0 ? 'لا يوجد رد' : `${status} ${reasonPhrase}`),
  formatTime: (date) => arabicTime.format(date),
};
