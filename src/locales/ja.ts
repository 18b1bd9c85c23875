import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

// Japanese has no plural forms: the number alone counts.
const format = /* @__PURE__ */ localeFormat('ja');

/**
 * Every text in Japanese, in the polite style (です/ます). Numbers and dates through `Intl` in
 * Japanese.
 *
 * @example
 * ```tsx
 * import { ja } from 'api-error-kit/locales/ja';
 * <ApiKitProvider client={client} messages={ja}>…</ApiKitProvider>
 * ```
 */
export const ja: Messages = {
  bad_request: {
    title: 'リクエストを受け付けられませんでした',
    description: 'リクエストを受け付けられませんでした。送信内容を確認して、もう一度お試しください。',
  },
  unauthorized: {
    title: 'ログインが必要です',
    description: 'ログインしていないか、API キーがないか正しくありません。キーを確認するか、もう一度ログインしてください。',
  },
  forbidden: { title: '権限がありません', description: 'ログインしていますが、この操作を行う権限がありません。' },
  not_found: { title: '見つかりません', description: 'お探しのものは存在しないか、削除されました。' },
  not_acceptable: { title: 'この形式には対応していません', description: 'サーバーは要求された形式で応答できません（JSON が必要です）。' },
  timeout: { title: 'タイムアウトしました', description: 'サーバーの応答に時間がかかりすぎました。' },
  rate_limited: {
    title: 'リクエストが多すぎます',
    description: '短時間に多くのリクエストが送信されました。しばらく待ってから、もう一度お試しください。',
  },
  server_error: {
    title: 'サーバーでエラーが発生しました',
    description: 'サーバーで問題が発生しました。問題は記録されています。多くの場合、もう一度お試しいただくと解決します。',
  },
  unavailable: { title: 'サービスを利用できません', description: 'サービスが一時的に利用できません。しばらくしてから、もう一度お試しください。' },
  maintenance: { title: 'メンテナンス中です', description: 'メンテナンスのため、サービスを停止しています。再開後に、もう一度お試しください。' },
  client_error: { title: 'リクエストを完了できませんでした', description: 'リクエストを完了できませんでした。' },
  network: { title: '接続できません', description: 'サーバーに接続できませんでした。インターネット接続を確認してください。' },
  invalid_response: { title: '応答を読み取れません', description: 'サーバーからの応答を読み取れませんでした。' },
  aborted: { title: 'キャンセルされました', description: 'リクエストはキャンセルされました。' },
  unknown: { title: '問題が発生しました', description: '予期しない問題が発生しました。' },
  supportIdLabel: 'サポート ID',
  rayIdLabel: 'Ray ID',
  copySupportId: 'サポート ID をコピー',
  copied: 'コピーしました',
  copyFallbackHint: 'ここではコピーできません。テキストを選択してあるので、Ctrl+C（Mac では ⌘C）を押してコピーしてください。',
  supportIdValidUntil: (date) => `サポートがこの ID を確認できるのは ${format.longDateTime(date)} までです。`,
  retryingIn: (count) => `${format.number(count)}秒後に再試行します`,
  canRetryIn: (count) => `${format.number(count)}秒後に再試行できます`,
  retryingNow: '再試行しています',
  canRetryNow: '再試行できます',
  waitingForNetwork: 'ネットワークへの接続を待っています',
  waitingForTab: 'このタブが非表示の間は一時停止しています',
  probingIn: (count) => `再試行を続けます · ${format.number(count)}秒後に次の試行`,
  canRetryAt: (date) => `${format.clockTime(date)}から再試行できます`,
  waitRequested: 'サーバーから待機を求められています。許可され次第、次の試行を行います。',
  waitProgress: '次の試行までの残り時間',
  tryAgain: '再試行',
  retryNow: '今すぐ再試行',
  tryNow: '今すぐ試す',
  stopRetrying: '再試行を中止',
  dismiss: '閉じる',
  details: '詳細',
  copyDetails: '詳細をコピー',
  copyAsCurl: 'curl コマンドとしてコピー',
  methodLabel: 'メソッド',
  urlLabel: 'URL',
  statusLabel: 'ステータス',
  timeLabel: '日時',
  statusText: (status, reasonPhrase) => (status === 0 ? '応答なし' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
