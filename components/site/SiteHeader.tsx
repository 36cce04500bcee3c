interface SiteHeaderProps {
  schoolSlug: string;
  newspaperName: string;
  schoolName: string;
  tagline: string | null;
  logoSrc: string | null;
  sections: { name: string; slug: string }[];
}

export function SiteHeader({ schoolSlug, newspaperName, schoolName, tagline, logoSrc, sections }: SiteHeaderProps) {
  return (
    <header className="border-b-4 border-[var(--accent)]">
      <div className="mx-auto max-w-5xl px-6 pt-8 pb-4 text-center">
        {/* The name stays as text beside the logo, so the logo itself is decoration. */}
        {logoSrc && <img src={logoSrc} alt="" className="mx-auto mb-2 h-20 w-auto" data-testid="school-logo" />}
        <p className="text-sm uppercase tracking-widest text-gray-700">{schoolName}</p>
        <p className="font-serif text-5xl font-bold">
          <a href={`/${schoolSlug}`}>{newspaperName}</a>
        </p>
        {tagline && <p className="mt-1 text-gray-700">{tagline}</p>}
      </div>
      <nav aria-label="Sections" className="site-nav border-t border-gray-200">
        <ul className="mx-auto flex max-w-5xl flex-wrap justify-center gap-6 px-6 py-3 font-semibold">
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={`/${schoolSlug}/sections/${section.slug}`}>{section.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="About the paper" className="site-nav border-t border-gray-200">
        <ul className="mx-auto flex max-w-5xl flex-wrap justify-center gap-6 px-6 py-2 text-sm">
          <li>
            <a href={`/${schoolSlug}/issues`}>Issues</a>
          </li>
          <li>
            <a href={`/${schoolSlug}/staff`}>Staff</a>
          </li>
          <li>
            <a href={`/${schoolSlug}/search`}>Search</a>
          </li>
          <li>
            <a href={`/${schoolSlug}/corrections`}>Corrections</a>
          </li>
          <li>
            <a href={`/${schoolSlug}/newsletter`}>Newsletter</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
