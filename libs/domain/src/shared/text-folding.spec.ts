import { foldForSearch, normalizeText } from './text-folding';

describe('foldForSearch', () => {
  it.each([
    ['Phường Khương Thượng', 'phuong khuong thuong'],
    ['PHƯỜNG  KHƯƠNG THƯỢNG', 'phuong khuong thuong'],
    ['Đống Đa', 'dong da'],
    ['Quận Hai Bà Trưng', 'quan hai ba trung'],
    ['Hòa Khê', 'hoa khe'],
    ['Hoà Khê', 'hoa khe'],
    ['Thuỵ Khuê', 'thuy khue'],
  ])('folds %p to %p', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('folds text typed in decomposed form (NFD) the same as composed (NFC)', () => {
    const composed = 'Nguyễn Tiến Sữ';
    expect(foldForSearch(composed.normalize('NFD'))).toBe(foldForSearch(composed));
  });
});

describe('normalizeText', () => {
  it('composes to NFC and trims stray spaces', () => {
    expect(normalizeText(' Phường Xuân Phương '.normalize('NFD'))).toBe('Phường Xuân Phương');
    expect(normalizeText('Phường Xuân Phương').length).toBe('Phường Xuân Phương'.normalize('NFC').length);
  });
});
