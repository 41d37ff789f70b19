// Small real files for upload tests: a 1×1 PNG, a minimal PDF, and a Windows executable header.
export const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);
export const PDF_MIN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const EXE_HEADER = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

export function jpegOfSize(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return b;
}
