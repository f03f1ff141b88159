/** Messages of the home module (the leader's overview). */
export const homeMessages = {
  vi: {
    'home.one_year': 'Chỉ chọn một năm cho nghiệm thu và nhân rộng.',
  },
  en: {
    'home.one_year': 'Choose one year for acceptance and replication.',
  },
} as const;
