// Digits said or typed in Chinese characters (phone numbers read aloud: "一三八…", "幺三九…", "洞" for 0 in
// radio style, "两" for 2), mapped to ASCII digits. Shared by the anonymiser and the bot's phone reader.
export const HAN_DIGIT: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  洞: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
