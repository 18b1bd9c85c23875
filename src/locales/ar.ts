import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

const format = /* @__PURE__ */ localeFormat('ar');
// Arabic has six plural categories: one second, two seconds (the dual), 3–10 (plural), 11–99
// (singular noun after the number), and 0 or 100 and above.
const seconds = (count: number) =>
  format.plural(count, { zero: '# ثانية', one: 'ثانية واحدة', two: 'ثانيتين', few: '# ثوانٍ', many: '# ثانية', other: '# ثانية' });

/**
 * Every text in Arabic (Modern Standard Arabic). Numbers, dates and plurals through `Intl` in
 * Arabic. Arabic reads right to left: give the banner's page or an ancestor `dir="rtl"`
 * (`<html lang="ar" dir="rtl">`), and the stylesheet's logical properties mirror the layout.
 *
 * @example
 * ```tsx
 * import { ar } from 'api-error-kit/locales/ar';
 * <div lang="ar" dir="rtl">
 *   <ApiKitProvider client={client} messages={ar}>…</ApiKitProvider>
 * </div>
 * ```
 */
export const ar: Messages = {
  bad_request: { title: 'لم يُقبل الطلب', description: 'لم يُقبل الطلب. يُرجى التحقق من البيانات المرسلة ثم المحاولة مرة أخرى.' },
  unauthorized: {
    title: 'يلزم تسجيل الدخول',
    description: 'لم تسجّل الدخول، أو أن مفتاح API مفقود أو غير صحيح. يُرجى التحقق من المفتاح أو تسجيل الدخول مجددًا.',
  },
  forbidden: { title: 'لا تملك الإذن', description: 'أنت مسجّل الدخول، لكن ليس لديك إذن بتنفيذ هذا الإجراء.' },
  not_found: { title: 'غير موجود', description: 'ما تبحث عنه غير موجود أو تمت إزالته.' },
  not_acceptable: { title: 'الصيغة غير مدعومة', description: 'لا يستطيع الخادم الرد بالصيغة المطلوبة (يلزم JSON).' },
  timeout: { title: 'انتهت مهلة الاستجابة', description: 'استغرق الخادم وقتًا طويلًا للرد.' },
  rate_limited: {
    title: 'طلبات كثيرة جدًا',
    description: 'أُرسل عدد كبير من الطلبات في وقت قصير. يُرجى الانتظار قليلًا قبل المحاولة مرة أخرى.',
  },
  server_error: { title: 'حدث خطأ في الخادم', description: 'حدث خطأ في الخادم وتم تسجيله. عادةً ما تنجح المحاولة مرة أخرى.' },
  unavailable: { title: 'الخدمة غير متاحة', description: 'الخدمة غير متاحة مؤقتًا. يُرجى المحاولة بعد قليل.' },
  maintenance: { title: 'الخدمة قيد الصيانة', description: 'الخدمة متوقفة للصيانة. يُرجى المحاولة عند عودتها.' },
  client_error: { title: 'تعذّر إكمال الطلب', description: 'تعذّر إكمال الطلب.' },
  network: { title: 'لا يوجد اتصال', description: 'تعذّر الوصول إلى الخادم. يُرجى التحقق من اتصالك بالإنترنت.' },
  invalid_response: { title: 'رد غير مقروء', description: 'أرسل الخادم ردًا تعذّرت قراءته.' },
  aborted: { title: 'أُلغي الطلب', description: 'تم إلغاء الطلب.' },
  unknown: { title: 'حدث خطأ ما', description: 'حدث خطأ غير متوقع.' },
  supportIdLabel: 'معرّف الدعم',
  rayIdLabel: 'معرّف Ray',
  copySupportId: 'نسخ معرّف الدعم',
  copied: 'تم النسخ',
  copyFallbackHint: 'النسخ غير متاح هنا. تم تحديد النص: اضغط Ctrl+C (أو ⌘C على Mac) لنسخه.',
  supportIdValidUntil: (date) => `يمكن لفريق الدعم البحث عن هذا المعرّف حتى ${format.longDateTime(date)}.`,
  retryingIn: (count) => `إعادة المحاولة خلال ${seconds(count)}`,
  canRetryIn: (count) => `يمكنك المحاولة مجددًا خلال ${seconds(count)}`,
  retryingNow: 'جارٍ إعادة المحاولة',
  canRetryNow: 'يمكنك المحاولة مجددًا الآن',
  waitingForNetwork: 'في انتظار الاتصال بالشبكة',
  waitingForTab: 'متوقف مؤقتًا ما دامت علامة التبويب هذه مخفية',
  probingIn: (count) => `سنواصل المحاولة · المحاولة التالية خلال ${seconds(count)}`,
  canRetryAt: (date) => `يمكنك المحاولة مجددًا في ${format.clockTime(date)}`,
  waitRequested: 'طلب الخادم الانتظار: ستنطلق المحاولة التالية فور سماحه بذلك.',
  waitProgress: 'الوقت المتبقي حتى المحاولة التالية',
  tryAgain: 'حاول مرة أخرى',
  retryNow: 'أعد المحاولة الآن',
  tryNow: 'حاول الآن',
  stopRetrying: 'إيقاف إعادة المحاولة',
  dismiss: 'إغلاق',
  details: 'التفاصيل',
  copyDetails: 'نسخ التفاصيل',
  copyAsCurl: 'نسخ كأمر curl',
  methodLabel: 'الطريقة',
  urlLabel: 'العنوان',
  statusLabel: 'الحالة',
  timeLabel: 'الوقت',
  statusText: (status, reasonPhrase) => (status === 0 ? 'لا يوجد رد' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
