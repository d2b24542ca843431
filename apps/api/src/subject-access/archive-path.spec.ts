import { archivePathOf } from './subject-access.service';

describe('archivePathOf', () => {
  const id = '0f8e7c1a-1111-4222-8333-444455556666';

  it('keeps a plain name, after the file id', () => {
    expect(archivePathOf({ id, fileName: 'certificate.pdf' })).toBe(`evidence/${id}-certificate.pdf`);
  });

  it("keeps the person's own name, in any script", () => {
    expect(archivePathOf({ id, fileName: 'Café notes.pdf' })).toBe(`evidence/${id}-Café notes.pdf`);
    expect(archivePathOf({ id, fileName: 'Ünal Öztürk (final).pdf' })).toBe(`evidence/${id}-Ünal Öztürk (final).pdf`);
    expect(archivePathOf({ id, fileName: '研修記録.png' })).toBe(`evidence/${id}-研修記録.png`);
  });

  it('never makes a path, a hidden file or an odd character of the name', () => {
    expect(archivePathOf({ id, fileName: '../../etc/passwd' })).toBe(`evidence/${id}-etc_passwd`);
    expect(archivePathOf({ id, fileName: '.hidden' })).toBe(`evidence/${id}-hidden`);
    expect(archivePathOf({ id, fileName: 'C:\\Users\\sam\\Éval finale.pdf' })).toBe(
      `evidence/${id}-C_Users_sam_Éval finale.pdf`,
    );
    expect(archivePathOf({ id, fileName: 'a\u0007b:c*?.pdf' })).toBe(`evidence/${id}-a_b_c_.pdf`);
    expect(archivePathOf({ id, fileName: '...' })).toBe(`evidence/${id}-file`);
  });

  it('keeps the end of a long name, where its extension is', () => {
    const path = archivePathOf({ id, fileName: `${'a'.repeat(300)}.pdf` });
    expect(path.endsWith('.pdf')).toBe(true);
    expect(path.length).toBeLessThanOrEqual(`evidence/${id}-`.length + 100);
  });
});
