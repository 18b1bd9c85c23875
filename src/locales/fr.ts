import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

const format = /* @__PURE__ */ localeFormat('fr');
// French typography: a no-break space before ":" and between a number and its unit, a narrow
// no-break space before ";" (written as escapes, as they are invisible in the source).
const seconds = (count: number) => format.plural(count, { one: '#\u00a0seconde', many: '#\u00a0de\u00a0secondes', other: '#\u00a0secondes' });

/**
 * Every text in French, addressing the person as "vous", with French typography (no-break spaces
 * before ":" and ";"). Numbers, dates and plurals through `Intl` in French.
 *
 * @example
 * ```tsx
 * import { fr } from 'api-error-kit/locales/fr';
 * <ApiKitProvider client={client} messages={fr}>…</ApiKitProvider>
 * ```
 */
export const fr: Messages = {
  bad_request: {
    title: 'Requête refusée',
    description: 'La requête n’a pas été acceptée. Vérifiez les informations envoyées, puis réessayez.',
  },
  unauthorized: {
    title: 'Connexion requise',
    description: 'Vous n’êtes pas connecté, ou votre clé d’API est absente ou incorrecte. Vérifiez la clé ou reconnectez-vous.',
  },
  forbidden: { title: 'Autorisation requise', description: 'Vous êtes connecté, mais vous n’avez pas l’autorisation d’effectuer cette action.' },
  not_found: { title: 'Introuvable', description: 'L’élément demandé n’existe pas ou a été supprimé.' },
  not_acceptable: {
    title: 'Format non pris en charge',
    description: 'Le serveur ne peut pas répondre dans le format demandé (JSON est requis).',
  },
  timeout: { title: 'Délai dépassé', description: 'Le serveur a mis trop de temps à répondre.' },
  rate_limited: {
    title: 'Trop de requêtes',
    description: 'Trop de requêtes en peu de temps. Veuillez patienter un instant avant de réessayer.',
  },
  server_error: {
    title: 'Erreur du serveur',
    description: 'Une erreur s’est produite sur le serveur. Elle a été signalée\u202f; réessayer suffit généralement.',
  },
  unavailable: { title: 'Service indisponible', description: 'Le service est temporairement indisponible. Veuillez réessayer dans quelques instants.' },
  maintenance: { title: 'Maintenance en cours', description: 'Le service est en maintenance. Veuillez réessayer lorsqu’il sera de retour.' },
  client_error: { title: 'Requête impossible', description: 'La requête n’a pas pu aboutir.' },
  network: { title: 'Pas de connexion', description: 'Impossible de joindre le serveur. Vérifiez votre connexion Internet.' },
  invalid_response: { title: 'Réponse illisible', description: 'La réponse du serveur n’a pas pu être lue.' },
  aborted: { title: 'Requête annulée', description: 'La requête a été annulée.' },
  unknown: { title: 'Une erreur est survenue', description: 'Une erreur inattendue s’est produite.' },
  supportIdLabel: 'ID de support',
  rayIdLabel: 'ID Ray',
  copySupportId: 'Copier l’ID de support',
  copied: 'Copié',
  copyFallbackHint: 'La copie n’est pas disponible ici. Le texte est sélectionné\u00a0: appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.',
  supportIdValidUntil: (date) => `Le support peut retrouver cet ID jusqu’au ${format.longDateTime(date)}.`,
  retryingIn: (count) => `Nouvel essai dans ${seconds(count)}`,
  canRetryIn: (count) => `Vous pourrez réessayer dans ${seconds(count)}`,
  retryingNow: 'Nouvel essai en cours',
  canRetryNow: 'Vous pouvez réessayer maintenant',
  waitingForNetwork: 'En attente du réseau',
  waitingForTab: 'En pause tant que cet onglet est masqué',
  probingIn: (count) => `Nous continuons d’essayer · prochain essai dans ${seconds(count)}`,
  canRetryAt: (date) => `Vous pourrez réessayer à ${format.clockTime(date)}`,
  waitRequested: 'Le serveur a demandé d’attendre\u00a0: le prochain essai partira dès qu’il le permettra.',
  waitProgress: 'Temps restant avant le prochain essai',
  tryAgain: 'Réessayer',
  retryNow: 'Réessayer maintenant',
  tryNow: 'Essayer maintenant',
  stopRetrying: 'Arrêter les essais',
  dismiss: 'Fermer',
  details: 'Détails',
  copyDetails: 'Copier les détails',
  copyAsCurl: 'Copier en commande curl',
  methodLabel: 'Méthode',
  urlLabel: 'URL',
  statusLabel: 'Statut',
  timeLabel: 'Heure',
  statusText: (status, reasonPhrase) => (status === 0 ? 'Aucune réponse' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
