/**
 * Folds Vietnamese text for search: Unicode NFC in, diacritics and case removed, đ/Đ to d, runs of spaces
 * collapsed. "Phường Khương Thượng", "phuong khuong thuong" and "PHƯỜNG  KHƯƠNG THƯỢNG" all fold alike.
 * (đ is a letter of its own, not d with a combining mark, so NFD alone would keep it.)
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Stored text is NFC with outer spaces removed (source data has stray spaces: "Phường Xuân Phương "). */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
