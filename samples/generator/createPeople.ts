// Fictional people, employers and e-mail addresses, each person with an identity key no other person has.
import type { Random } from './createRandom';

export interface Person {
  group: number;
  firstName: string;
  lastName: string;
  company: string;
  email: string;
}

export interface PersonOptions {
  /** Use a free-mail address instead of the work one. */
  personal?: boolean;
  /** Work address at this domain instead of the employer's. */
  domain?: string;
  /** Exact address (still checked for uniqueness). */
  email?: string;
  company?: string;
}

export interface People {
  create(options?: PersonOptions): Person;
  /** Reserves a second address of an existing person whose key differs from theirs. */
  claim(email: string): string;
}

const FIRST_NAMES = [
  'Jane', 'Marcus', 'Priya', 'Diego', 'Aisha', 'Liam', 'Sofia', 'Kenji', 'Amara', 'Noah', 'Elena', 'Tomás',
  'Hannah', 'Ravi', 'Chloe', 'Mateo', 'Ingrid', 'Samuel', 'Leila', 'Oliver', 'Mei', 'Jonas', 'Fatima', 'Lucas',
  'Nadia', 'Ethan', 'Zoë', 'Omar', 'Clara', 'Henrik', 'Isabel', 'Kwame', 'Julia', 'Arjun', 'Maya', 'Felix',
  'Anika', 'Gabriel', 'Rosa', 'Daniel', 'Yuki', 'Theo', 'Bianca', 'Malik', 'Greta', 'Victor', 'Naomi', 'Andrés',
  'Lena', 'Owen', 'Sana', 'Pablo', 'Erin', 'Tariq', 'Vera', 'Caleb', 'Inès', 'Rhys', 'Marta', 'Jules',
];

const LAST_NAMES = [
  'Alvarez', 'Becker', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen',
  'Kowalski', 'Larsen', 'Morales', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka',
  'Umarov', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zimmerman', 'Brennan', 'Castillo', 'Delgado', 'Ferreira',
  'Gallagher', 'Hoffmann', 'Iqbal', 'Kaur', 'Lindqvist', 'Moreau', 'Novak', "O'Neill", 'Petrov', 'Reyes',
  'Sato', 'Thornton', 'Vasquez', 'Weber', 'Abbott', 'Byrne', 'Costa', 'Dunn', 'Nguyen', 'Park', 'Singh', 'Müller',
];

export const COMPANIES: readonly { name: string; domain: string }[] = [
  { name: 'Brightwave Analytics', domain: 'brightwave.io' },
  { name: 'Copperleaf Health', domain: 'copperleafhealth.com' },
  { name: 'Harborview Logistics', domain: 'harborviewlogistics.com' },
  { name: 'Quillfeather Software', domain: 'quillfeather.dev' },
  { name: 'Lumenfold Systems', domain: 'lumenfold.com' },
  { name: 'Pinecrest Biolabs', domain: 'pinecrestbio.com' },
  { name: 'Redwater Outfitters', domain: 'redwater-outfitters.com' },
  { name: 'Silverline Dental Group', domain: 'silverlinedental.com' },
  { name: 'Kestrel Aerospace Parts', domain: 'kestrelparts.com' },
  { name: 'Mossgate Financial', domain: 'mossgate.com' },
  { name: 'Orchid & Vale Interiors', domain: 'orchidvale.com' },
  { name: 'Ironbark Construction', domain: 'ironbarkbuild.com' },
  { name: 'Bluefjord Seafood', domain: 'bluefjord.no' },
  { name: 'Sunmere Hotels', domain: 'sunmerehotels.com' },
  { name: 'Granite Peak Insurance', domain: 'granitepeakins.com' },
  { name: 'Velvetine Cosmetics', domain: 'velvetine.co' },
  { name: 'Hartley, Byrne & Co', domain: 'hartleybyrne.co.uk' },
  { name: 'Cobaltix Robotics', domain: 'cobaltix.ai' },
  { name: 'Meadowlark Learning', domain: 'meadowlarklearning.org' },
  { name: 'Northwind Freight', domain: 'northwindfreight.com' },
  { name: 'Tidewell Water Systems', domain: 'tidewell.com' },
  { name: 'Emberline Foods', domain: 'emberlinefoods.com' },
  { name: 'Strata Nine Architects', domain: 'stratanine.com' },
  { name: 'Foxglove Media', domain: 'foxglovemedia.tv' },
];

const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'];

/** The sample contract's identity key: trim, lowercase, strip_plus_tag. Used only to keep people apart. */
export function toIdentityKey(email: string): string {
  return email.trim().toLowerCase().replace(/\+[^@]*@/, '@');
}

function toAscii(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

export function createPeople(random: Random): People {
  const usedKeys = new Set<string>();
  let groups = 0;

  const chooseEmail = (first: string, last: string, domain: string, personal: boolean): string => {
    const f = toAscii(first);
    const l = toAscii(last);
    for (let attempt = 0; ; attempt++) {
      const suffix = attempt === 0 ? '' : String(attempt + 1);
      const local = personal
        ? `${f}.${l}${random.chance(0.5) ? random.int(70, 99) : ''}${suffix}`
        : random.pick([`${f}.${l}`, `${f}.${l}`, `${f[0]}${l}`, `${f}_${l}`]) + suffix;
      const email = `${local}@${domain}`;
      if (!usedKeys.has(toIdentityKey(email))) return email;
    }
  };

  const claim = (email: string): string => {
    const key = toIdentityKey(email);
    if (key !== '' && usedKeys.has(key)) throw new Error(`two people share the identity key ${key}`);
    if (key !== '') usedKeys.add(key);
    return email;
  };

  return {
    claim,
    create(options = {}) {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      const employer = random.pick(COMPANIES);
      const personal = options.personal ?? (options.domain === undefined && random.chance(0.15));
      const domain = options.domain ?? (personal ? random.pick(FREE_MAIL) : employer.domain);
      const email = claim(options.email ?? chooseEmail(firstName, lastName, domain, personal));
      groups += 1;
      return { group: groups, firstName, lastName, company: options.company ?? employer.name, email };
    },
  };
}
