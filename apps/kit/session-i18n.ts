/** The strings of the shared sign-in form and own-password form (apps/kit/ui), Chinese first. */
import { translate, type Dictionaries, type Lang, type Vars } from './i18n.js';

const zh = {
  username: '用户名', password: '密码', login: '登录', langSwitch: 'English',
  oldPassword: '原密码', newPassword: '新密码', newPassword2: '再次输入新密码', changePassword: '修改密码',
  ownPasswordHint: '新密码至少 8 个字符。修改后所有已登录的设备都会退出，请用新密码重新登录。',
  mismatch: '两次输入的新密码不一致', passwordChanged: '密码已修改，请用新密码重新登录。', cancel: '取消',
};
const en: Record<keyof typeof zh, string> = {
  username: 'User name', password: 'Password', login: 'Sign in', langSwitch: '中文',
  oldPassword: 'Current password', newPassword: 'New password', newPassword2: 'New password again', changePassword: 'Change password',
  ownPasswordHint: 'At least 8 characters. Every device you are signed in on is signed out; sign in again with the new password.',
  mismatch: 'The two new passwords differ', passwordChanged: 'Password changed. Please sign in with the new password.', cancel: 'Cancel',
};
export type SessionKey = keyof typeof zh;
const DICT: Dictionaries<SessionKey> = { zh, en };

export const st = (lang: Lang, key: SessionKey, vars?: Vars) => translate(DICT, lang, key, vars);
