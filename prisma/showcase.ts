// The demo paper's photo stories, for `npm run dev` on an empty database: so a newcomer's first look
// at The Raven Report is a front page with pictures, as a real student paper's is. The pictures are
// drawn here (shapes rendered by sharp, no fonts or downloads) and credited as illustrations; each
// story goes through the real workflow (written, submitted, approved, published), so its history,
// approval and audit trail are what a real one's would be. Idempotent, like the demo seed.
import sharp from 'sharp';
import { createDraft, saveDraft } from '../lib/articles/index.ts';
import { actorInSchool, type Actor } from '../lib/auth/actor.ts';
import { platformDb as db } from '../lib/db.ts';
import { uploadImage } from '../lib/media/index.ts';
import { transition } from '../lib/workflow/index.ts';

const WIDTH = 1600;
const HEIGHT = 1000;

/** The scenes, as SVG on a 1600 × 1000 canvas. */
const SCENES = {
  stadium: `<defs><linearGradient id="sky" x2="0" y2="1"><stop offset="0" stop-color="#1e3a5f"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
    <rect width="1600" height="560" fill="url(#sky)"/><rect y="520" width="1600" height="480" fill="#2f7d32"/>
    <g stroke="#fff" stroke-width="6" opacity=".8"><line x1="0" y1="700" x2="1600" y2="700"/><line x1="0" y1="860" x2="1600" y2="860"/><line x1="800" y1="520" x2="800" y2="1000"/></g>
    <g fill="#111827"><rect x="80" y="180" width="24" height="360"/><rect x="1496" y="180" width="24" height="360"/></g>
    <g fill="#fef3c7"><circle cx="92" cy="170" r="34"/><circle cx="1508" cy="170" r="34"/></g>
    <g fill="#7a1f2b"><circle cx="640" cy="640" r="26"/><rect x="618" y="664" width="44" height="90" rx="14"/><circle cx="930" cy="600" r="26"/><rect x="908" y="624" width="44" height="90" rx="14"/></g>
    <circle cx="790" cy="560" r="14" fill="#fff"/>`,
  library: `<rect width="1600" height="1000" fill="#f5efe0"/>
    ${Array.from({ length: 4 }, (_, shelf) => `<rect x="120" y="${160 + shelf * 200}" width="1360" height="16" fill="#6b4423"/>${Array.from({ length: 40 }, (_, book) => `<rect x="${130 + book * 33}" y="${160 + shelf * 200 - (110 + ((book * 37 + shelf * 11) % 50))}" width="28" height="${110 + ((book * 37 + shelf * 11) % 50)}" fill="${['#7a1f2b', '#1d4e89', '#2f7d32', '#b45309', '#4b5563'][(book + shelf) % 5]}"/>`).join('')}`).join('')}
    <rect x="600" y="900" width="400" height="30" fill="#6b4423"/>`,
  robotics: `<rect width="1600" height="1000" fill="#e5e7eb"/><rect y="760" width="1600" height="240" fill="#9ca3af"/>
    <g fill="#374151"><rect x="560" y="420" width="480" height="300" rx="30"/><rect x="620" y="300" width="360" height="150" rx="20"/></g>
    <g fill="#f59e0b"><circle cx="720" cy="375" r="34"/><circle cx="880" cy="375" r="34"/></g>
    <g fill="#111827"><circle cx="620" cy="760" r="70"/><circle cx="980" cy="760" r="70"/></g>
    <rect x="1040" y="470" width="260" height="36" rx="18" fill="#374151"/><rect x="300" y="470" width="260" height="36" rx="18" fill="#374151"/>`,
  theater: `<rect width="1600" height="1000" fill="#1f2937"/><ellipse cx="800" cy="820" rx="620" ry="120" fill="#92400e"/>
    <path d="M0 0h700c-60 300-40 700 0 1000H0z" fill="#991b1b"/><path d="M1600 0H900c60 300 40 700 0 1000h700z" fill="#991b1b"/>
    <rect width="1600" height="120" fill="#7f1d1d"/><circle cx="800" cy="520" r="170" fill="#fde68a" opacity=".35"/>
    <g fill="#111827"><circle cx="800" cy="560" r="40"/><rect x="770" y="600" width="60" height="170" rx="20"/></g>`,
} as const;

async function picture(scene: keyof typeof SCENES): Promise<Buffer> {
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 1600 1000">${SCENES[scene]}</svg>`);
  return sharp(svg).jpeg({ quality: 82 }).toBuffer();
}

const STORIES = [
  {
    scene: 'stadium',
    section: 'sports',
    headline: 'Ravens Edge Torrey Pines Under the Lights, 21–17',
    deck: 'A fourth-quarter interception sealed the first home win over the Falcons in six seasons.',
    body: [
      'The Ravens trailed by three with four minutes left when junior safety Malik Ortiz stepped in front of a pass at midfield and returned it to the Falcons’ 12-yard line.',
      'Two plays later, the home crowd was on its feet for the go-ahead score, and the defense held on through a final drive that ended on downs at the 30.',
      'Coach Dana Whitfield said the win belonged to a defense that had given up 80 points in its first two games. “They decided in August that this would be different,” she said.',
      'Senior quarterback Theo Alvarez finished 14 of 22 for 186 yards and a touchdown, and ran for the winning score on a keeper around the left end with just under three minutes to play.',
      'The Ravens, now 4–2, travel to La Costa Canyon next Friday with a playoff place within reach. Kickoff is at 7 p.m.; the student section’s theme is a white-out.',
    ],
    alt: 'Two players in maroon jerseys under stadium lights at dusk, the ball in the air between them',
    caption: 'The Ravens’ defense closes on the ball in the fourth quarter of Friday’s 21–17 win.',
    focal: [0.5, 0.6],
  },
  {
    scene: 'library',
    section: 'news',
    headline: 'Library Will Stay Open Until 7 P.M. During Finals',
    deck: 'The extended hours begin the week of December 8 and include a quiet floor with no reservations.',
    body: [
      'The library will stay open until 7 p.m. Monday through Thursday for the two weeks of finals, librarian Grace Holt announced Tuesday.',
      'Student government pushed for the change after a survey found that more than half of students had nowhere quiet to study after school.',
      'The second floor will be silent study only, and the makerspace will close at 4 p.m. as usual.',
      'Peer tutors from the National Honor Society will hold drop-in sessions for math and chemistry at the tables near the windows from 3:30 to 5:30 each day.',
      'Holt said the library will keep count of how many students stay past 5 p.m. If the numbers hold up, she plans to ask the district to make the longer hours permanent next semester, starting with the week before spring break.',
      'Students can check the hours, the tutoring schedule and the quiet-floor rules on the library’s page of the school website, or ask at the front desk, where the staff will also lend laptop chargers and calculators for the evening.',
    ],
    alt: 'Rows of colourful books on wooden shelves in the school library',
    caption: 'The library’s second floor will be reserved for silent study during finals.',
    focal: [0.5, 0.4],
  },
  {
    scene: 'robotics',
    section: 'news',
    headline: 'Robotics Team Unveils Its Competition Robot',
    deck: 'After eight weeks of building, the team’s robot passed inspection on the first try.',
    body: [
      'The Canyon Crest robotics team showed its competition robot to the school on Wednesday, two weeks before the regional qualifier.',
      'The robot, which the team named Corvid, can climb a 20-inch step and lift twice its own weight, according to team captain Priya Nair.',
      'The team raised $4,200 for parts through a bake sale, sponsor donations and a car wash in October.',
      'Nair said the hardest part was the drivetrain, which the team rebuilt twice after the first design kept slipping on the practice field’s foam tiles.',
      'Twenty-three students worked on the robot, about half of them freshmen. The team meets in room 214 on Tuesdays and Thursdays after school and is still looking for students to help with programming and with its outreach visits to middle schools.',
      'The regional qualifier takes place at the Del Mar Fairgrounds on December 13. Admission is free, and the team will post its match times on the robotics club’s page the night before.',
    ],
    alt: 'A grey robot with two round orange lights and large black wheels on a workshop floor',
    caption: 'Corvid, the robotics team’s entry for this year’s regional qualifier.',
    focal: [0.5, 0.5],
  },
  {
    scene: 'theater',
    section: 'opinion',
    headline: 'The Fall Play Deserves a Bigger Stage',
    deck: 'Sold-out nights and a waiting list show the theater program has outgrown the black box.',
    body: [
      'For the third year in a row, every performance of the fall play sold out within a day, and more than a hundred students, parents and alumni were left on a waiting list.',
      'The black box theater seats 120. The gym seats 900. It is time the district let the theater program use the larger space for at least one night of each run.',
      'The usual objections do not hold up. The gym is empty on Friday and Saturday evenings outside basketball season, and the drama club has offered to pay for the extra custodial hours from its own ticket sales.',
      'Students who built the sets, ran the lights and rehearsed for ten weeks deserve an audience that fits the work, and the families who waited in line deserve a seat.',
      'A bigger stage would also let the program do what it has never been able to do: a full musical with a pit orchestra, which the band director says his students are ready to play.',
      'The editorial board urges the administration to take up the drama club’s proposal at its December meeting.',
    ],
    alt: 'A lone performer in a spotlight between red stage curtains',
    caption: 'Every night of this fall’s production sold out within a day.',
    focal: [0.5, 0.55],
  },
] as const;

/** Publishes the showcase stories in the demo paper, unless they are there already. */
export async function seedShowcase(): Promise<void> {
  const school = await db.school.findUnique({ where: { slug: 'canyon-crest' }, select: { id: true, slug: true, sections: { select: { id: true, slug: true } } } });
  if (!school) return;
  const member = async (email: string): Promise<Actor> => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return (await actorInSchool(user.id, school))!;
  };
  const reporter = await member('jordan.reyes@canyoncrest.example');
  const adviser = await member('adviser@canyoncrest.example');
  for (const story of STORIES) {
    if (await db.article.findFirst({ where: { schoolId: school.id, headline: story.headline }, select: { id: true } })) continue;
    const photo = await uploadImage(reporter, { bytes: await picture(story.scene), filename: `${story.scene}.jpg` });
    if (!photo.ok) throw new Error(`showcase picture: ${photo.error}`);
    const created = await createDraft(reporter, { headline: story.headline });
    if (!created.ok) throw new Error(`showcase story: ${created.error}`);
    const saved = await saveDraft(reporter, created.data.id, {
      expectedVersion: created.data.version,
      headline: story.headline,
      deck: story.deck,
      sectionId: school.sections.find((section) => section.slug === story.section)?.id ?? null,
      tags: [],
      body: { type: 'doc', content: story.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
      bylines: [{ membershipId: reporter.membershipId, guestName: null, title: 'Staff Writer' }],
      featuredImage: { mediaId: photo.data.id, alt: story.alt, caption: story.caption, credit: 'Illustration for the Masthead demo', focalX: story.focal[0], focalY: story.focal[1] },
      checkpoint: true,
    });
    if (!saved.ok) throw new Error(`showcase story: ${saved.error} ${JSON.stringify(saved.fieldErrors)}`);
    let version = saved.data.version;
    for (const [actor, action] of [
      [reporter, 'submit'],
      [adviser, 'approve'],
      [adviser, 'publish'],
    ] as const) {
      const moved = await transition(actor, created.data.id, { action, expectedVersion: version });
      if (!moved.ok) throw new Error(`showcase ${action}: ${moved.error}`);
      version = (await db.article.findUniqueOrThrow({ where: { id: created.data.id }, select: { version: true } })).version;
    }
  }
}
