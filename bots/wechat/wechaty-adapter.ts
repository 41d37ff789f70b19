// Wechaty ⇄ conversation runner. Small named handlers: private messages go to the runner; group chats
// are ignored unless the bot is mentioned (then it asks for a private chat, to protect privacy).
import type { Logger } from '../../src/lib/logger.ts';
import { types, type Message, type Wechaty as WechatyInterface } from 'wechaty';
import type { ConversationRunner } from './session.ts';

export const GROUP_REPLY = '您好！为了保护您的隐私，投诉、举报和咨询请加我好友后私聊我，我一步步帮您办。';

/** A command answered before the conversation (e.g. `领奖密码 …`): its reply, or null when it is not one. */
export type TextCommand = (contactId: string, text: string) => Promise<string | null>;

export function onMessage(_bot: WechatyInterface, runner: ConversationRunner, logger: Logger, command?: TextCommand) {
  return async (msg: Message): Promise<void> => {
    try {
      if (msg.self()) return; // after login the bot sees its own messages too
      const room = msg.room();
      if (room) {
        if (await msg.mentionSelf()) await room.say(GROUP_REPLY);
        return;
      }
      const talker = msg.talker();
      if (talker.type() === types.Contact.Official) return;
      const contact = talker.id;
      const reply = async (text: string) => {
        await talker.say(text);
      };
      switch (msg.type()) {
        case types.Message.Text: {
          const answer = command ? await command(contact, msg.text()) : null;
          if (answer !== null) return await reply(answer);
          return await runner.onText(contact, msg.text(), reply);
        }
        case types.Message.Image:
        case types.Message.Attachment:
        case types.Message.Video: {
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(await (await msg.toFileBox()).toBuffer());
          } catch {
            return await runner.onMedia(contact, msg.type() === types.Message.Video ? 'video' : 'other', reply);
          }
          return await runner.onFile(contact, bytes, reply);
        }
        case types.Message.Audio:
          return await runner.onMedia(contact, 'voice', reply);
        case types.Message.Emoticon:
          return await runner.onMedia(contact, 'sticker', reply);
        case types.Message.Url:
        case types.Message.MiniProgram:
          return await runner.onMedia(contact, 'link', reply);
        case types.Message.Location: {
          const where = await msg
            .toLocation()
            .then((l) => [l.address(), l.name()].filter(Boolean).join(' '))
            .catch(() => '');
          return await runner.onMedia(contact, 'location', reply, where || undefined);
        }
        default:
          return await runner.onMedia(contact, 'other', reply);
      }
    } catch (err) {
      // Never the message or the contact: only what failed.
      logger.warn({ err: { name: (err as Error).name, message: (err as Error).message.slice(0, 200) } }, 'bot: message handling failed');
    }
  };
}

/** Sends a text to a contact by id (notices, reminders). */
export function sendToContact(bot: WechatyInterface) {
  return async (contactId: string, text: string): Promise<void> => {
    const contact = await bot.Contact.find({ id: contactId });
    if (!contact) throw new Error('contact not found');
    await contact.say(text);
  };
}
