/** The pad's words, Chinese first (the five levels in the national wording, 国办发〔2019〕51号). */
import { translator, type Dictionaries, type Lang } from '../kit/i18n.js';

type Key =
  | 'title' | 'window' | 'staffOnDuty' | 'noStaff' | 'idleHint' | 'ticket' | 'service' | 'ask' | 'level5' | 'level4' | 'level3'
  | 'level2' | 'level1' | 'reasonsAsk' | 'reasonsHint' | 'submit' | 'back' | 'thanks' | 'thanksSub' | 'unpaired' | 'offline'
  | 'connecting' | 'unauthorized' | 'failed' | 'alreadyRated' | 'other' | 'noWindow';

export const DICTS: Dictionaries<Key> = {
  zh: {
    title: '服务评价', window: '{n}号窗口', staffOnDuty: '工作人员：{name}', noStaff: '窗口暂无人员', idleHint: '办理完毕后，请您对本次服务进行评价',
    ticket: '号码', service: '办理事项', ask: '请您对本次服务进行评价',
    level5: '非常满意', level4: '满意', level3: '基本满意', level2: '不满意', level1: '非常不满意',
    reasonsAsk: '请选择不满意的原因（可多选）', reasonsHint: '至少选择一项', submit: '提交评价', back: '返回',
    thanks: '感谢您的评价！', thanksSub: '我们会不断改进服务', unpaired: '本评价器尚未配对：请管理员在“设备”页登记显示设备，并打开带窗口号的配对链接（/pad/#token=…&window=N）。',
    offline: '连接中断，正在重连…', connecting: '正在连接…', unauthorized: '设备凭证无效，请管理员重新配对', failed: '提交失败：{message}',
    alreadyRated: '本次服务已评价', other: 'English', noWindow: '大厅没有{n}号窗口：请管理员检查配对链接中的窗口号',
  },
  en: {
    title: 'Rate our service', window: 'Window {n}', staffOnDuty: 'Staff: {name}', noStaff: 'No staff at this window', idleHint: 'When your matter is done, please rate our service',
    ticket: 'Number', service: 'Service', ask: 'Please rate our service',
    level5: 'Very satisfied', level4: 'Satisfied', level3: 'Fairly satisfied', level2: 'Dissatisfied', level1: 'Very dissatisfied',
    reasonsAsk: 'What went wrong? (tap one or more)', reasonsHint: 'Choose at least one', submit: 'Submit', back: 'Back',
    thanks: 'Thank you for your rating!', thanksSub: 'We keep improving our service', unpaired: 'This pad is not paired: an admin registers a display device and opens its pairing link with the window number (/pad/#token=…&window=N).',
    offline: 'Connection lost, reconnecting…', connecting: 'Connecting…', unauthorized: 'Device token invalid: ask an admin to pair again', failed: 'Could not submit: {message}',
    alreadyRated: 'This service has already been rated', other: '中文', noWindow: 'The hall has no window {n}: ask an admin to check the window number in the pairing link',
  },
};

export const makeT = (lang: () => Lang) => translator(DICTS, lang);
export type PadT = ReturnType<typeof makeT>;
