import type { Random } from './random';

/** Word lists for believable, obviously invented names. */

const firstNames = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Uma',
  'Victor',
  'Wanda',
  'Xavier',
  'Yara',
  'Zoe',
  'Marco',
  'Lena',
  'Omar',
  'Sofia',
];
const lastNames = [
  'Almeida',
  'Becker',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Young',
  'Zimmer',
];
const nameStems = [
  'Nordwind',
  'Alpen',
  'Blue Harbor',
  'Castell',
  'Delta',
  'Eastgate',
  'Falcon',
  'Granite',
  'Helio',
  'Iron Bridge',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Northstar',
  'Oakline',
  'Pioneer',
  'Quarry',
  'Redwood',
  'Silverline',
  'Tidewater',
  'Union',
  'Vantage',
  'Westfield',
];
const nameTrades = [
  'Logistics',
  'Foods',
  'Machinery',
  'Textiles',
  'Pharma',
  'Builders',
  'Energy',
  'Plastics',
  'Retail',
  'Paper',
  'Metals',
  'Optics',
  'Marine',
  'Labs',
  'Furniture',
  'Packaging',
];
const legalForms = ['Ltd', 'GmbH', 'Inc', 'SA', 'BV', 'AB', 'Srl', 'Oy'];
export const industries = [
  'manufacturing',
  'retail',
  'logistics',
  'healthcare',
  'construction',
  'food',
  'energy',
];
export const regions = ['north', 'south', 'east', 'west', 'central'];

export const personName = (random: Random): string =>
  `${random.pick(firstNames)} ${random.pick(lastNames)}`;

export const emailFor = (name: string, index: number): string =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@demo.example`;

/** Unique by construction: the index keeps two clients from sharing a name. */
export const clientName = (random: Random, index: number): string =>
  `${random.pick(nameStems)} ${random.pick(nameTrades)} ${index + 1} ${random.pick(legalForms)}`;
