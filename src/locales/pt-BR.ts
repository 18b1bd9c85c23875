import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

const format = /* @__PURE__ */ localeFormat('pt-BR');
const seconds = (count: number) => format.plural(count, { one: '# segundo', many: '# de segundos', other: '# segundos' });

/**
 * Every text in Brazilian Portuguese, addressing the person as "você". Numbers, dates and plurals
 * through `Intl` in Brazilian Portuguese.
 *
 * @example
 * ```tsx
 * import { ptBR } from 'api-error-kit/locales/pt-BR';
 * <ApiKitProvider client={client} messages={ptBR}>…</ApiKitProvider>
 * ```
 */
export const ptBR: Messages = {
  bad_request: {
    title: 'Solicitação não aceita',
    description: 'A solicitação não foi aceita. Confira os dados enviados e tente novamente.',
  },
  unauthorized: {
    title: 'Login necessário',
    description: 'Você não está conectado, ou sua chave de API está ausente ou incorreta. Confira a chave ou faça login novamente.',
  },
  forbidden: { title: 'Permissão necessária', description: 'Você está conectado, mas não tem permissão para fazer isso.' },
  not_found: { title: 'Não encontrado', description: 'O que você procura não existe ou foi removido.' },
  not_acceptable: {
    title: 'Formato não suportado',
    description: 'O servidor não consegue responder no formato solicitado (é necessário JSON).',
  },
  timeout: { title: 'Tempo esgotado', description: 'O servidor demorou demais para responder.' },
  rate_limited: {
    title: 'Muitas solicitações',
    description: 'Muitas solicitações em pouco tempo. Aguarde um momento antes de tentar novamente.',
  },
  server_error: {
    title: 'Erro no servidor',
    description: 'Algo deu errado no servidor. O problema foi registrado; tentar novamente costuma resolver.',
  },
  unavailable: { title: 'Serviço indisponível', description: 'O serviço está temporariamente indisponível. Tente novamente em instantes.' },
  maintenance: { title: 'Serviço em manutenção', description: 'O serviço está em manutenção. Tente novamente quando ele voltar.' },
  client_error: { title: 'Solicitação não concluída', description: 'Não foi possível concluir a solicitação.' },
  network: { title: 'Sem conexão', description: 'Não foi possível acessar o servidor. Verifique sua conexão com a internet.' },
  invalid_response: { title: 'Resposta ilegível', description: 'O servidor enviou uma resposta que não pôde ser lida.' },
  aborted: { title: 'Solicitação cancelada', description: 'A solicitação foi cancelada.' },
  unknown: { title: 'Algo deu errado', description: 'Ocorreu um erro inesperado.' },
  supportIdLabel: 'ID de suporte',
  rayIdLabel: 'ID do Ray',
  copySupportId: 'Copiar ID de suporte',
  copied: 'Copiado',
  copyFallbackHint: 'Não é possível copiar aqui. O texto está selecionado: pressione Ctrl+C (⌘C no Mac) para copiá-lo.',
  supportIdValidUntil: (date) => `O suporte pode consultar este ID até ${format.longDateTime(date)}.`,
  retryingIn: (count) => `Nova tentativa em ${seconds(count)}`,
  canRetryIn: (count) => `Você poderá tentar novamente em ${seconds(count)}`,
  retryingNow: 'Tentando novamente',
  canRetryNow: 'Você já pode tentar novamente',
  waitingForNetwork: 'Aguardando a conexão',
  waitingForTab: 'Pausado enquanto esta aba está oculta',
  probingIn: (count) => `Vamos continuar tentando · próxima tentativa em ${seconds(count)}`,
  canRetryAt: (date) => `Você pode tentar novamente às ${format.clockTime(date)}`,
  waitRequested: 'O servidor pediu para esperar: a próxima tentativa sai assim que ele permitir.',
  waitProgress: 'Tempo restante até a próxima tentativa',
  tryAgain: 'Tentar novamente',
  retryNow: 'Tentar agora',
  tryNow: 'Tentar já',
  stopRetrying: 'Parar de tentar',
  dismiss: 'Fechar',
  details: 'Detalhes',
  copyDetails: 'Copiar detalhes',
  copyAsCurl: 'Copiar como curl',
  methodLabel: 'Método',
  urlLabel: 'URL',
  statusLabel: 'Status',
  timeLabel: 'Horário',
  statusText: (status, reasonPhrase) => (status === 0 ? 'Sem resposta' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
