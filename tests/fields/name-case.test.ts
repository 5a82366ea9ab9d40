import { describe, expect, it } from 'vitest';
import { agencyName, isAgency, toNameCase } from '../../src/fields/index.js';

describe('toNameCase', () => {
  it.each([
    ['JOHN SMITH', 'John Smith'],
    ['ROSS MCTAVISH', 'Ross McTavish'],
    ['EWAN MACLENNAN', 'Ewan MacLennan'],
    ['TOM MACK', 'Tom Mack'],
    ['LUIS MACHADO', 'Luis Machado'],
    ["SEAN O'DALY", "Sean O'Daly"],
    ['PIETER VAN DER BERG', 'Pieter van der Berg'],
    ['MARIA DE LA CRUZ', 'Maria de la Cruz'],
    ['VAN MORRISON', 'Van Morrison'],
    ['ANNA-LENA KOHL', 'Anna-Lena Kohl'],
    ['CARL TAN III', 'Carl Tan III'],
    ['HANA LINDQVIST PHD', 'Hana Lindqvist PhD'],
    ['ÉLODIE LEFÈVRE', 'Élodie Lefèvre'],
    ['ana ruiz', 'Ana Ruiz'],
    ['Ana de la Cruz', 'Ana de la Cruz'],
    ['McDonald', 'McDonald'],
    ['李娜', '李娜'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toNameCase(input)).toBe(expected);
    expect(toNameCase(toNameCase(input))).toBe(expected);
  });

  it('throws on misuse', () => {
    expect(() => toNameCase(3 as unknown as string)).toThrow(/`name`/);
  });
});

describe('agencyName', () => {
  it.each([
    ['REUTERS', 'Reuters'],
    ['Agence France-Presse', 'AFP'],
    ['the associated press', 'The Associated Press'],
    ['Getty', 'Getty Images'],
    ['Ana Ruiz', undefined],
  ])('%j → %j', (input, expected) => {
    expect(agencyName(input)).toBe(expected);
    expect(isAgency(input)).toBe(expected !== undefined);
  });
});
