import { localeFormat } from './locale-format.js';
import type { Messages } from '../core/texts/messages.js';

// Chinese has no plural forms: the number alone counts.
const format = /* @__PURE__ */ localeFormat('zh-CN');

/**
 * Every text in Simplified Chinese, addressing the person politely (您). Numbers and dates
 * through `Intl` in Simplified Chinese.
 *
 * @example
 * ```tsx
 * import { zhCN } from 'api-error-kit/locales/zh-CN';
 * <ApiKitProvider client={client} messages={zhCN}>…</ApiKitProvider>
 * ```
 */
export const zhCN: Messages = {
  bad_request: { title: '请求未被接受', description: '请求未被接受。请检查提交的内容，然后重试。' },
  unauthorized: { title: '需要登录', description: '您尚未登录，或 API 密钥缺失或不正确。请检查密钥或重新登录。' },
  forbidden: { title: '没有权限', description: '您已登录，但没有执行此操作的权限。' },
  not_found: { title: '未找到', description: '您请求的内容不存在或已被删除。' },
  not_acceptable: { title: '不支持该格式', description: '服务器无法以请求的格式响应（需要 JSON）。' },
  timeout: { title: '服务器响应超时', description: '服务器响应时间过长。' },
  rate_limited: { title: '请求过于频繁', description: '短时间内请求过多。请稍候片刻再重试。' },
  server_error: { title: '服务器出错', description: '服务器出现问题，已记录在案。重试通常可以解决。' },
  unavailable: { title: '服务不可用', description: '服务暂时不可用。请稍后重试。' },
  maintenance: { title: '服务维护中', description: '服务正在维护。请在恢复后重试。' },
  client_error: { title: '无法完成请求', description: '无法完成该请求。' },
  network: { title: '无网络连接', description: '无法连接到服务器。请检查您的网络连接。' },
  invalid_response: { title: '无法读取响应', description: '服务器返回的响应无法读取。' },
  aborted: { title: '请求已取消', description: '请求已取消。' },
  unknown: { title: '出现问题', description: '发生了意外错误。' },
  supportIdLabel: '支持 ID',
  rayIdLabel: 'Ray ID',
  copySupportId: '复制支持 ID',
  copied: '已复制',
  copyFallbackHint: '此处无法复制。文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）进行复制。',
  supportIdValidUntil: (date) => `技术支持可在 ${format.longDateTime(date)} 之前查询此 ID。`,
  retryingIn: (count) => `${format.number(count)} 秒后重试`,
  canRetryIn: (count) => `${format.number(count)} 秒后可重试`,
  retryingNow: '正在重试',
  canRetryNow: '现在可以重试',
  waitingForNetwork: '正在等待网络连接',
  waitingForTab: '此标签页隐藏期间已暂停',
  probingIn: (count) => `我们会继续尝试 · ${format.number(count)} 秒后再次尝试`,
  canRetryAt: (date) => `您可以在 ${format.clockTime(date)} 重试`,
  waitRequested: '服务器要求等待：一旦允许，将立即进行下一次尝试。',
  waitProgress: '距下次尝试的剩余时间',
  tryAgain: '重试',
  retryNow: '立即重试',
  tryNow: '立即尝试',
  stopRetrying: '停止重试',
  dismiss: '关闭',
  details: '详细信息',
  copyDetails: '复制详细信息',
  copyAsCurl: '复制为 curl 命令',
  methodLabel: '方法',
  urlLabel: 'URL',
  statusLabel: '状态',
  timeLabel: '时间',
  statusText: (status, reasonPhrase) => (status === 0 ? '无响应' : `${status} ${reasonPhrase}`),
  formatTime: (date) => format.mediumDateTime(date),
};
