import type { Rng } from '../rng';

/** Invented signatories: plausible names, so that a demo never shows "Person 17", nor a real official. */
const GIVEN: Readonly<Record<string, { readonly female: readonly string[]; readonly male: readonly string[] }>> = {
  es: {
    female: ['María Elena', 'Claudia', 'Ana Laura', 'Verónica', 'Patricia', 'Guadalupe', 'Alejandra', 'Rosa María', 'Lucía', 'Mónica'],
    male: ['José Luis', 'Juan Carlos', 'Francisco', 'Miguel Ángel', 'Jorge', 'Ricardo', 'Alejandro', 'Fernando', 'Enrique', 'Arturo'],
  },
  en: { female: ['Sarah', 'Jennifer', 'Linda', 'Karen', 'Emily', 'Rachel'], male: ['Michael', 'David', 'Robert', 'James', 'Thomas', 'Daniel'] },
  fr: { female: ['Claire', 'Isabelle', 'Sophie', 'Nathalie'], male: ['Jean-Pierre', 'Philippe', 'Laurent', 'François'] },
  de: { female: ['Katrin', 'Sabine', 'Anja', 'Ulrike'], male: ['Stefan', 'Thomas', 'Markus', 'Jürgen'] },
  it: { female: ['Giulia', 'Francesca', 'Chiara', 'Paola'], male: ['Marco', 'Giuseppe', 'Luca', 'Alessandro'] },
  pt: { female: ['Ana Paula', 'Fernanda', 'Juliana', 'Beatriz'], male: ['João', 'Carlos Eduardo', 'Paulo', 'Rafael'] },
  ja: { female: ['Yuko', 'Keiko', 'Naomi', 'Akiko'], male: ['Takeshi', 'Hiroshi', 'Kenji', 'Satoshi'] },
  ko: { female: ['Ji-yeon', 'Min-ji', 'Seo-yeon'], male: ['Min-ho', 'Jae-won', 'Sung-min'] },
  zh: { female: ['Li Na', 'Wang Fang', 'Zhang Min'], male: ['Wang Wei', 'Li Qiang', 'Chen Jie'] },
};

const SURNAMES: Readonly<Record<string, readonly string[]>> = {
  es: ['García', 'Hernández', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos'],
  en: ['Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
  pt: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa'],
  ja: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito'],
  ko: ['Kim', 'Lee', 'Park', 'Choi', 'Jung'],
  zh: [''],
};

export interface Person {
  readonly name: string;
  readonly female: boolean;
}

export const drawPerson = (rng: Rng, language: string): Person => {
  const key = language in GIVEN ? language : 'en';
  const names = GIVEN[key] as { readonly female: readonly string[]; readonly male: readonly string[] };
  const female = rng.chance(0.4);
  const given = rng.pick(female ? names.female : names.male);
  if (key === 'es') return { name: `${given} ${rng.pick(SURNAMES.es ?? [])} ${rng.pick(SURNAMES.es ?? [])}`, female };
  const surname = rng.pick(SURNAMES[key] ?? ['']);
  return { name: surname === '' ? given : `${given} ${surname}`, female };
};
