// `领奖密码 编号 密码`: a reporter who asked for a reward sets the claim password for it (issue 15). Handled
// before the conversation, so the password never enters a draft, the conversation state or a log line;
// the server checks that this contact submitted that report. Right after filing, the conversation also asks
// for it (`claimFor` in its state); both paths go through the same API call and the same replies.
import type { ShiantongClient } from './api-client.ts';
import { claimPasswordReply } from './conversation.ts';

export const REWARD_PASSWORD_COMMAND = /^\s*领奖密码\s*[:：]?\s*(XZ[-—\s]?\d{8}[-—\s]?\d{6,})\s+(\S+)\s*$/i;
/** The command word alone, or with something missing: explain the format. */
const COMMAND_WORD = /^\s*领奖密码/;

/** The reply to a `领奖密码 …` message, or null when the message is not that command. */
export async function rewardPasswordCommand(
  api: Pick<ShiantongClient, 'claimPassword'>,
  contactId: string,
  text: string,
): Promise<string | null> {
  if (!COMMAND_WORD.test(text)) return null;
  const m = REWARD_PASSWORD_COMMAND.exec(text);
  if (!m) return '设置领奖密码请发送：领奖密码 案件编号 密码（6到32位字母、数字或英文符号），例如“领奖密码 XZ-20261206-000123 Abc12345”。';
  const no = /XZ[-—\s]?(\d{8})[-—\s]?(\d{6,})/i.exec(m[1]!)!;
  const number = `XZ-${no[1]}-${no[2]}`;
  const r = await api.claimPassword(contactId, number, m[2]!);
  return r.type === 'claimPassword' ? claimPasswordReply(r, 'zh') : null;
}
