import type { NoticeSection } from '@ccc/programme';

/** The notice's sections, each a heading with its paragraphs and bulleted lists. */
export function NoticeSections({ sections }: { sections: NoticeSection[] }) {
  return (
    <>
      {sections.map((section) => (
        // A long e-mail address or an Alliance's own text may hold words wider than a phone: they wrap.
        <section key={section.id} aria-labelledby={`notice-${section.id}`} className="app-break-anywhere">
          <h2 id={`notice-${section.id}`}>{section.heading}</h2>
          {section.blocks.map((block, i) =>
            block.kind === 'paragraph' ? (
              <p key={i}>{block.text}</p>
            ) : (
              <ul key={i} className="nhsuk-list nhsuk-list--bullet">
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ),
          )}
        </section>
      ))}
    </>
  );
}
