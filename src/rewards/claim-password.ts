// The claim password a reporter sets when asking for a reward (portal form, API, or the bot's
// `领奖密码 编号 密码`): with the query code it lets an anonymous reporter claim. Stored only as an argon2 hash.
import { z } from 'zod';

export const ClaimPasswordSchema = z
  .string({ error: '领奖密码必须是文字' })
  .trim()
  .min(6, { error: '领奖密码：至少6位' })
  .max(32, { error: '领奖密码：最多32位' })
  .regex(/^[\x21-\x7e]+$/, { error: '领奖密码：只能用字母、数字和英文符号' });
