/** The interface's languages: Chinese (simplified), the default, and English. */
export type Lang = 'zh' | 'en';
