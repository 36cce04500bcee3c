import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';

export interface NewsletterStory {
  headline: string;
  deck: string;
  byline: string;
  section: string | null;
  url: string;
}

export interface NewsletterEmailProps {
  newspaperName: string;
  schoolName: string;
  accentColor: string;
  siteUrl: string;
  title: string;
  intro: string;
  stories: NewsletterStory[];
  /** Where the reader leaves the list (written into each message as it is sent). */
  unsubscribeUrl: string;
  listLabel: string;
}

const font = 'Georgia, "Times New Roman", serif';

/** A newsletter as it arrives: the paper's name in its colour, the stories as the front page lists
 * them (section, headline, deck, byline), and how to leave. React Email turns it into the tables and
 * inline styles mail clients need, and into the plain-text version. */
export function NewsletterEmail({ newspaperName, schoolName, accentColor, siteUrl, title, intro, stories, unsubscribeUrl, listLabel }: NewsletterEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{intro || stories[0]?.headline || title}</Preview>
      <Body style={{ backgroundColor: '#f4f4f5', fontFamily: font, margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', maxWidth: '600px', padding: '24px' }}>
          <Link href={siteUrl} style={{ color: accentColor, fontSize: '28px', fontWeight: 700, textDecoration: 'none' }}>
            {newspaperName}
          </Link>
          <Text style={{ color: '#52525b', fontSize: '13px', margin: '4px 0 0' }}>{schoolName}</Text>
          <Hr style={{ borderColor: accentColor, borderWidth: '2px 0 0', margin: '16px 0' }} />
          <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 8px' }}>
            {title}
          </Heading>
          {intro &&
            intro.split(/\n{2,}/).map((paragraph, index) => (
              <Text key={index} style={{ fontSize: '16px', lineHeight: '24px' }}>
                {paragraph}
              </Text>
            ))}
          {stories.map((story) => (
            <Section key={story.url} style={{ borderTop: '1px solid #e4e4e7', padding: '12px 0' }}>
              {story.section && (
                <Text style={{ color: accentColor, fontFamily: 'Arial, sans-serif', fontSize: '12px', fontWeight: 700, letterSpacing: '0.05em', margin: 0, textTransform: 'uppercase' }}>
                  {story.section}
                </Text>
              )}
              <Link href={story.url} style={{ color: '#18181b', fontSize: '20px', fontWeight: 700, lineHeight: '26px' }}>
                {story.headline}
              </Link>
              {story.deck && <Text style={{ color: '#3f3f46', fontSize: '16px', lineHeight: '22px', margin: '6px 0 0' }}>{story.deck}</Text>}
              {story.byline && <Text style={{ color: '#52525b', fontFamily: 'Arial, sans-serif', fontSize: '13px', margin: '6px 0 0' }}>By {story.byline}</Text>}
            </Section>
          ))}
          <Hr style={{ borderColor: '#e4e4e7', margin: '24px 0 12px' }} />
          <Text style={{ color: '#52525b', fontFamily: 'Arial, sans-serif', fontSize: '12px', lineHeight: '18px' }}>
            You receive “{listLabel}” from {newspaperName} because you signed up and confirmed. <Link href={unsubscribeUrl}>Unsubscribe</Link> — one click, no sign-in.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
