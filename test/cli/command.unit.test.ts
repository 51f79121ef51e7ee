import { helpText, parseCommand, UsageError, wholeNumberOption } from '../../src/cli/command';

const spec = {
  usage: 'npm run example -- FILE [options]',
  description: 'An example command.',
  positionals: true,
  options: {
    'data-dir': { type: 'string', valueName: 'DIR', description: 'where the store is' },
    empty: { type: 'boolean', description: 'start with no data' },
  },
} as const;

describe('command-line parsing', () => {
  it('returns the flags and positionals it was given', () => {
    expect(parseCommand(spec, ['file.csv', '--data-dir', '/tmp/x', '--empty'])).toEqual({
      values: { 'data-dir': '/tmp/x', empty: true },
      positionals: ['file.csv'],
    });
  });

  it('answers help for --help, whatever else is there', () => {
    expect(parseCommand(spec, ['--empty', '--help'])).toBe('help');
  });

  it('refuses an unknown flag with a usage error naming it', () => {
    expect(() => parseCommand(spec, ['--data-dri', 'x'])).toThrow(UsageError);
    expect(() => parseCommand(spec, ['--data-dri', 'x'])).toThrow(/--data-dri/);
  });

  it('refuses positionals when the command takes none', () => {
    expect(() => parseCommand({ ...spec, positionals: false }, ['file.csv'])).toThrow(UsageError);
  });

  it('lists every option with its value name and description in the help', () => {
    const text = helpText(spec);
    expect(text).toContain('Usage: npm run example -- FILE [options]');
    expect(text).toMatch(/--data-dir DIR\s+where the store is/);
    expect(text).toMatch(/--empty\s+start with no data/);
    expect(text).toMatch(/--help\s+this text/);
  });

  it('reads whole numbers with a minimum and names the flag when one is wrong', () => {
    expect(wholeNumberOption(undefined, 'seed', 7)).toBe(7);
    expect(wholeNumberOption('12', 'seed', 7, 1)).toBe(12);
    expect(() => wholeNumberOption('0', 'agreements', 7, 1)).toThrow('--agreements must be a whole number >= 1; got "0".');
    expect(() => wholeNumberOption('1.5', 'seed', 7)).toThrow(UsageError);
  });
});
