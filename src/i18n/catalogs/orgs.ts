// Organisation settings (/election language).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'command.org.language.summary':
      'the language Teller uses for members whose own language it does not know',
    'arg.language': 'en (English) or zh-Hans (简体中文)',
    'language.en': 'English',
    'language.zh-Hans': '简体中文 (Simplified Chinese)',
    'org.language_set':
      'Teller now writes in {language} to members whose own language it does not know. Members whose language the platform tells Teller still get their own.',
    'org.language_current':
      'Teller writes in {language} to members whose own language it does not know ({source}). Change it with /election language en|zh-Hans.',
    'org.language_source_chosen': 'chosen by the organisers',
    'org.language_source_platform':
      "the platform's default: the Discord server's preferred language, or the language of the first member who used Teller here",
  },
  'zh-Hans': {
    'command.org.language.summary': 'Teller 对不知道语言的成员使用的语言',
    'arg.language': 'en（English）或 zh-Hans（简体中文）',
    'language.en': 'English（英语）',
    'language.zh-Hans': '简体中文',
    'org.language_set':
      '今后 Teller 对不知道语言的成员使用{language}。平台告知了语言的成员仍使用各自的语言。',
    'org.language_current':
      'Teller 对不知道语言的成员使用{language}（{source}）。用 /election language en|zh-Hans 更改。',
    'org.language_source_chosen': '由组织者选定',
    'org.language_source_platform':
      '平台的默认语言：Discord 服务器的首选语言，或第一位在这里使用 Teller 的成员的语言',
  },
} satisfies Catalog;
