import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

const format = /* @__PURE__ */ localeFormat('es');
const seconds = (count: number) => format.plural(count, { one: '# segundo', many: '# de segundos', other: '# segundos' });

/**
 * Every text in Spanish, addressing the person as "usted". Numbers, dates and plurals through
 * `Intl` in Spanish.
 *
 * @example
 * ```tsx
 * import { es } from 'api-error-kit/locales/es';
 * <ApiKitProvider client={client} messages={es}>…</ApiKitProvider>
 * ```
 */
export const es: Messages = {
  bad_request: {
    title: 'Solicitud no aceptada',
    description: 'No se aceptó la solicitud. Compruebe los datos enviados e inténtelo de nuevo.',
  },
  unauthorized: {
    title: 'Inicio de sesión necesario',
    description: 'No ha iniciado sesión, o su clave de API falta o no es válida. Compruebe la clave o vuelva a iniciar sesión.',
  },
  forbidden: { title: 'Permiso necesario', description: 'Ha iniciado sesión, pero no tiene permiso para realizar esta acción.' },
  not_found: { title: 'No encontrado', description: 'Lo que busca no existe o se ha eliminado.' },
  not_acceptable: {
    title: 'Formato no admitido',
    description: 'El servidor no puede responder en el formato solicitado (se requiere JSON).',
  },
  timeout: { title: 'Tiempo de espera agotado', description: 'El servidor tardó demasiado en responder.' },
  rate_limited: {
    title: 'Demasiadas solicitudes',
    description: 'Se enviaron demasiadas solicitudes en poco tiempo. Espere un momento antes de volver a intentarlo.',
  },
  server_error: {
    title: 'Error del servidor',
    description: 'Se produjo un error en el servidor. Ya se ha registrado; normalmente basta con volver a intentarlo.',
  },
  unavailable: { title: 'Servicio no disponible', description: 'El servicio no está disponible temporalmente. Vuelva a intentarlo en unos instantes.' },
  maintenance: { title: 'Servicio en mantenimiento', description: 'El servicio está en mantenimiento. Vuelva a intentarlo cuando esté de nuevo disponible.' },
  client_error: { title: 'Solicitud no completada', description: 'No se pudo completar la solicitud.' },
  network: { title: 'Sin conexión', description: 'No se pudo conectar con el servidor. Compruebe su conexión a internet.' },
  invalid_response: { title: 'Respuesta ilegible', description: 'El servidor envió una respuesta que no se pudo leer.' },
  aborted: { title: 'Solicitud cancelada', description: 'Se canceló la solicitud.' },
  unknown: { title: 'Algo salió mal', description: 'Se produjo un error inesperado.' },
  supportIdLabel: 'ID de soporte',
  rayIdLabel: 'ID de Ray',
  copySupportId: 'Copiar ID de soporte',
  copied: 'Copiado',
  copyFallbackHint: 'No se puede copiar aquí. El texto está seleccionado: pulse Ctrl+C (⌘C en Mac) para copiarlo.',
  supportIdValidUntil: (date) => `El equipo de soporte puede consultar este ID hasta el ${format.longDateTime(date)}.`,
  retryingIn: (count) => `Reintentando en ${seconds(count)}`,
  canRetryIn: (count) => `Podrá volver a intentarlo en ${seconds(count)}`,
  retryingNow: 'Reintentando ahora',
  canRetryNow: 'Ya puede volver a intentarlo',
  waitingForNetwork: 'Esperando la conexión de red',
  waitingForTab: 'En pausa mientras esta pestaña está oculta',
  probingIn: (count) => `Seguiremos intentándolo · próximo intento en ${seconds(count)}`,
  canRetryAt: (date) => `Puede volver a intentarlo a las ${format.clockTime(date)}`,
  waitRequested: 'El servidor pidió esperar: el próximo intento saldrá en cuanto lo permita.',
  waitProgress: 'Tiempo restante hasta el próximo intento',
  tryAgain: 'Volver a intentar',
  retryNow: 'Reintentar ahora',
  tryNow: 'Intentar ahora',
  stopRetrying: 'Dejar de reintentar',
  dismiss: 'Cerrar',
  details: 'Detalles',
  copyDetails: 'Copiar detalles',
  copyAsCurl: 'Copiar como curl',
  methodLabel: 'Método',
  urlLabel: 'URL',
  statusLabel: 'Estado',
  timeLabel: 'Hora',
  statusText: (status, reasonPhrase) => (status === 0 ? 'Sin respuesta' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
