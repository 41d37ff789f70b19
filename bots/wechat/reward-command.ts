// `领奖密码 编号 密码`: a reporter who asked for a reward sets the claim password for it (issue 15). Handled
// before the conversation, so the password never enters a draft, the conversation state or a log line;
// the server checks that this contact submitted that report.
export const REWARD_PASSWORD_COMMAND = /^\s*领奖密码\s*[:：]?\s*(XZ[-—\s]?\d{8}[-—\s]?\d{6,})\s+(\S+)\s*$/i;
/** The command word alone, or with something missing: explain the format. */
const COMMAND_WORD = /^\s*领奖密码/;

export interface RewardCommandDeps {
  serverUrl: string;
  botToken: string | undefined;
  timeoutMs?: number;
}

/** The reply to a `领奖密码 …` message, or null when the message is not that command. */
export async function rewardPasswordCommand(deps: RewardCommandDeps, contactId: string, text: string): Promise<string | null> {
  if (!COMMAND_WORD.test(text)) return null;
  const m = REWARD_PASSWORD_COMMAND.exec(text);
  if (!m) return '设置领奖密码请发送：领奖密码 案件编号 密码（6到32位字母、数字或英文符号），例如“领奖密码 XZ-20261206-000123 Abc12345”。';
  if (!deps.botToken) return '领奖密码暂时无法在这里设置，请稍后再试。';
  const no = /XZ[-—\s]?(\d{8})[-—\s]?(\d{6,})/i.exec(m[1]!)!;
  const number = `XZ-${no[1]}-${no[2]}`;
  try {
    const res = await fetch(`${deps.serverUrl}/api/v1/bot/cases/${encodeURIComponent(number)}/reward-password`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deps.botToken}`, 'x-wechat-contact': contactId, 'content-type': 'application/json' },
      body: JSON.stringify({ password: m[2] }),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
    if (res.ok) return `已为 ${number} 设置领奖密码。请记住它：领奖时需要编号、查询码和这个密码。为安全起见，可以删除刚才发送的消息。`;
    const err = ((await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error;
    if (res.status >= 500 || res.status === 429 || !err) return '领奖密码暂时没设置成功，请稍后再试。';
    if (err.code === 'CASE_NOT_FOUND') return `没找到 ${number}：只能为在这里提交、并申请了奖励的举报设置领奖密码。`;
    return err.message ?? '领奖密码没设置成功。';
  } catch {
    return '领奖密码暂时没设置成功，请稍后再试。';
  }
}
